// GET /search?q=…&page=… — readers' site search in the default language (../_views/search-view.tsx).
import type { Metadata } from "next";
import { SearchView, searchMetadata, type SearchParams } from "../_views/search-view";

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  return searchMetadata(searchParams, "en");
}

export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  return <SearchView searchParams={searchParams} locale="en" />;
}
