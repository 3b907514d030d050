namespace Airgate.Airflow.Models;

/// <summary>One page of an Airflow collection and the collection's total size.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="TotalEntries">How many items the whole collection holds.</param>
public sealed record AirflowPage<T>(IReadOnlyList<T> Items, long TotalEntries);
