using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Airgate.Storage.Migrations;

/// <summary>Reads the versioned SQL scripts embedded under <c>Migrations/&lt;provider&gt;/</c>.</summary>
internal static class EmbeddedMigrations
{
    private const string Prefix = "migrations/";

    public static IReadOnlyList<Migration> Load(string folder)
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var path = resource.Replace('\\', '/');
            if (!path.StartsWith($"{Prefix}{folder}/", StringComparison.Ordinal) || !path.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var fileName = path[(Prefix.Length + folder.Length + 1)..];
            var separator = fileName.IndexOf('_', StringComparison.Ordinal);
            if (separator <= 0 || !int.TryParse(fileName[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                throw new InvalidOperationException($"Migration '{path}' is not named NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Migration '{path}' cannot be read.");
            using var reader = new StreamReader(stream, Encoding.UTF8);

            // Line endings depend on the checkout; the checksum must not.
            var sql = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            var checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql)));
            migrations.Add(new Migration(version, fileName[..^4], sql, checksum));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Migrations {string.Join(", ", duplicate.Select(m => m.Name))} share version {duplicate.Key}.");
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }
}
