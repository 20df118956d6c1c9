// Placeholder while the core is written (issue 2).
export {};
