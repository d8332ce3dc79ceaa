/** Previous and next page buttons, and where we are. */
export function Pager({
  page,
  hasNext,
  total,
  pageSize,
  onPage,
  label,
}: {
  page: number;
  hasNext: boolean;
  total?: number;
  pageSize?: number;
  onPage: (page: number) => void;
  label: string;
}) {
  const pages = total !== undefined && pageSize ? Math.max(1, Math.ceil(total / pageSize)) : undefined;
  return (
    <nav class="pager" aria-label={`${label} pages`}>
      <button type="button" class="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span>
        Page {page}
        {pages ? ` of ${pages}` : ''}
        {total !== undefined ? ` (${total} in all)` : ''}
      </span>
      <button type="button" class="secondary" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        Next page
      </button>
    </nav>
  );
}
