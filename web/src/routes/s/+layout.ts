// Respondent pages ship no framework runtime (the page-weight budget); a small script
// enhances them instead. Everything works as plain HTML forms.
export const csr = false;
