namespace Airgate.Auth.Tests;

/// <summary>Compares users by value, roles included (records compare arrays by reference).</summary>
internal sealed class UserBodyComparer : IEqualityComparer<UserBody>
{
    public bool Equals(UserBody? x, UserBody? y) =>
        x is not null && y is not null && x.Id == y.Id && x.Name == y.Name && x.IsAdmin == y.IsAdmin && x.Roles.SequenceEqual(y.Roles);

    public int GetHashCode(UserBody obj) => HashCode.Combine(obj.Id, obj.Name, obj.IsAdmin);
}
