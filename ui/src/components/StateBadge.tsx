/** A state as text (never colour alone), styled by class. */
export function StateBadge({ state }: { state: string | null | undefined }) {
  const text = state ?? "none";
  return <span className={`state state-${text.replace(/[^a-z_]/g, "")}`}>{text.replace(/_/g, " ")}</span>;
}
