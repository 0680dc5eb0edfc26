// Apart from the schema: a trip read from the table needs this, never zod (half the bundle).

/** The trip's place an item's `place` names, by id or by name. */
export function placeNamed<P extends { id?: unknown; name?: unknown }>(
  places: readonly P[],
  name: string | undefined,
): P | undefined {
  if (name === undefined) return undefined;
  const wanted = name.trim().toLowerCase();
  return places.find(
    (p) =>
      (typeof p.id === "string" && p.id === wanted) ||
      (typeof p.name === "string" && p.name.trim().toLowerCase() === wanted),
  );
}
