// A reading page: plain HTML, no scripts to download or run (see README, "How it is built").
export const csr = false;
