/** The part of fast-formula-parser 1.0.19 (MIT, ships no types) the .xlsx host uses. */
declare module "fast-formula-parser" {
  class FormulaError {
    readonly error: string;
    static REF: FormulaError;
  }
  export default class FormulaParser {
    static FormulaError: typeof FormulaError;
    constructor(config: {
      onCell?: (ref: { sheet?: string; row: number; col: number }) => unknown;
      onRange?: (ref: {
        sheet?: string;
        from: { row: number; col: number };
        to: { row: number; col: number };
      }) => unknown[][];
    });
    parse(
      formula: string,
      position: { sheet: string; row: number; col: number },
      allowReturnArray?: boolean
    ): unknown;
  }
}
