/** meeting: see the files of this folder. */
export {};
