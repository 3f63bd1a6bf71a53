// Pages are server-rendered HTML forms and need no framework runtime: they load faster on
// poor connections and work in any browser. A page that truly needs client-side
// interactivity (the survey builder) can opt in with `export const csr = true`.
export const csr = false;
