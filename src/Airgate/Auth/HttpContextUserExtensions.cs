namespace Airgate.Auth;

internal static class HttpContextUserExtensions
{
    /// <summary>The signed-in caller, or null on anonymous endpoints.</summary>
    public static AirgateUser? GetAirgateUser(this HttpContext context) => AirgateUser.FromContext(context);
}
