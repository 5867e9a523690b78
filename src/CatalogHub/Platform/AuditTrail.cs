
namespace CatalogHub.Platform;

/// <summary>
/// Stamps who and why on every event a session appends: the department (Marten's user name), the key id and
/// the reason (headers), and the correlation id. No event in the store is anonymous.
/// </summary>
public static class AuditTrail
{
    public const string CorrelationHeader = CorrelationMiddleware.Header;

    public static void Record(this IDocumentSession session, Caller caller, string? reason, HttpContext http)
    {
        session.LastModifiedBy = caller.DepartmentCode;
        session.SetHeader("keyId", caller.KeyId);
        session.SetHeader("departmentId", caller.DepartmentId.ToString());
        if (!string.IsNullOrWhiteSpace(reason)) session.SetHeader("reason", reason);
        session.CorrelationId = CorrelationId(http);
    }

    /// <summary>The request's correlation id, as <see cref="CorrelationMiddleware"/> settled it.</summary>
    public static string CorrelationId(HttpContext http) => CorrelationMiddleware.Of(http) ?? http.TraceIdentifier;
}
