// The builder's outline is richer with JavaScript (forms post without a reload, focus stays
// on the button pressed, questions can be dragged); every form works without it too.
export const csr = true;
