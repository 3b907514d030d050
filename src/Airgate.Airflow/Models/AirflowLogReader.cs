using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Airgate.Airflow.Models;

/// <summary>
/// A task's whole log, open and read as it arrives (never buffered whole): one entry per line, each a JSON value as
/// Airflow gives it (a structured object, or a string for a plain-text line). Dispose it to close the connection.
/// </summary>
public sealed class AirflowLogReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;

    internal AirflowLogReader(HttpResponseMessage response, bool plainText)
    {
        _response = response;
        IsPlainText = plainText;
    }

    /// <summary>True when each line is plain text (an Airflow 2 style answer) rather than a JSON entry.</summary>
    public bool IsPlainText { get; }

    /// <summary>The entries in order; a line that is not JSON is given as a string.</summary>
    public async IAsyncEnumerable<JsonElement> ReadEntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var body = await _response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            yield return IsPlainText ? JsonSerializer.SerializeToElement(line) : Parse(line);
        }
    }

    /// <summary>Closes the connection to Airflow.</summary>
    public ValueTask DisposeAsync()
    {
        _response.Dispose();
        return ValueTask.CompletedTask;
    }

    private static JsonElement Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(line);
        }
    }
}
