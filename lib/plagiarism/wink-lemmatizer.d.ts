// The part of wink-lemmatizer 3 used here (the package ships no type declarations).
declare module "wink-lemmatizer" {
  const lemmatize: {
    noun(word: string): string;
    verb(word: string): string;
    adjective(word: string): string;
  };
  export default lemmatize;
}
