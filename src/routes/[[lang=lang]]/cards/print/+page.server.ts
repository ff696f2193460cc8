// A tool page (the card printing page): its prerendered HTML is a light shell and the page is
// drawn in the browser from the cards files, which the cards page reads too.
export const ssr = false;
