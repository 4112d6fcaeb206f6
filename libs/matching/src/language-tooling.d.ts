// Types for the two language packages the text analyser uses (neither ships its own).

declare module 'snowball-stemmers' {
  export interface Stemmer {
    stem(word: string): string;
  }
  export function newStemmer(language: string): Stemmer;
  export function algorithms(): string[];
}

declare module 'stopword' {
  export const eng: string[];
  export const fra: string[];
  export const spa: string[];
  export const rus: string[];
}
