// The parts of citation-js 0.7 used here (the package ships no type declarations).
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    format(
      format: "bibliography",
      options: {
        format?: "text" | "html";
        template?: string;
        lang?: string;
        asEntryArray?: boolean;
        entry?: string | string[];
      },
    ): string | Array<[string, string]>;
  }
  export const plugins: {
    config: { get(name: string): unknown };
  };
}

declare module "@citation-js/plugin-csl";
