// /es/search?q=…: searches the Spanish articles (app/(public)/_views/search-view.tsx).
import type { Metadata } from "next";
import { SearchView, searchMetadata, type SearchParams } from "@/app/(public)/_views/search-view";

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  return searchMetadata(searchParams, "es");
}

export default async function SpanishSearchPage({ searchParams }: { searchParams: SearchParams }) {
  return <SearchView searchParams={searchParams} locale="es" />;
}
