namespace Airgate.Runs;

/// <summary>Who triggered a run; <c>id</c> is null for runs started outside Airgate.</summary>
internal sealed record RunOwnerResponse(string? Id, string? Name);
