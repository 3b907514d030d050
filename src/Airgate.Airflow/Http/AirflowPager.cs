using Airgate.Airflow.Models;

namespace Airgate.Airflow.Http;

/// <summary>Reads whole Airflow collections page by page.</summary>
internal static class AirflowPager
{
    /// <summary>Reads pages until <c>total_entries</c> is reached, advancing by what each page really held (Airflow caps <c>limit</c> silently).</summary>
    public static async Task<AirflowResult<IReadOnlyList<T>>> ReadAllAsync<T>(
        int offset,
        Func<int, CancellationToken, Task<AirflowResult<AirflowPage<T>>>> readPage,
        Func<T, string> key,
        CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var result = await readPage(offset, cancellationToken);
            if (!result.IsSuccess)
            {
                return result.Failure;
            }

            var page = result.Value;
            var added = 0;
            foreach (var item in page.Items)
            {
                // A collection that shifts while we read can repeat an item across pages.
                if (seen.Add(key(item)))
                {
                    items.Add(item);
                    added++;
                }
            }

            offset += page.Items.Count;

            // An empty page, or one with nothing new, before the total: stop rather than loop forever.
            if (page.Items.Count == 0 || added == 0 || offset >= page.TotalEntries)
            {
                return items;
            }
        }
    }
}
