// Plain forms: this page needs no client-side code.
export const csr = false;
