namespace Airgate.Core.Registry;

/// <summary>Where the registry is read from (<c>Airgate:Registry:Source</c>).</summary>
public enum RegistrySource
{
    /// <summary>Every <c>*.json</c> below <c>Airgate:Registry:Path</c>, reloaded when files change.</summary>
    Directory,

    /// <summary>CAPE's two DynamoDB tables (<c>Airgate:Registry:DynamoDb</c>), read again every refresh interval.</summary>
    DynamoDb,
}
