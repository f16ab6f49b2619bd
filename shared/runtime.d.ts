// The few globals every runtime of shared/ code has (browsers, Node ≥ 16, Electron), and that
// the ES library declares nowhere: shared/ is type-checked without DOM and Node types.
declare function btoa(data: string): string;
declare function atob(data: string): string;
