// The question editor is richer with JavaScript (changes of shape without a reload, focus kept); it works without it.
export const csr = true;
