// opencc-js declares its types for the package root only; this subpath (the traditional→simplified dictionaries
// alone) exports the same Converter.
declare module 'opencc-js/t2cn' {
  export function Converter(options: { from: 'hk' | 'tw' | 'twp' | 't' | 'jp'; to: 'cn' }): (text: string) => string;
}
