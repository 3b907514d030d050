using System.Globalization;
using System.Security.Cryptography;

namespace Airgate.Runs;

/// <summary>
/// Run ids Airgate sends to Airflow. The id is fixed when the record is written, before Airflow is called, so every
/// retry of that record (client retry or reconciler) names the same run and at most one can exist.
/// </summary>
internal static class RunIds
{
    public const string Prefix = "airgate__";

    public static string New(DateTimeOffset now) =>
        $"{Prefix}{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture)}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
}
