export type QueryOptions = { maskIds?: boolean; printedOn?: string };
