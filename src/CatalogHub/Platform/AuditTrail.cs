
namespace CatalogHub.Platform;

/// <summary>
/// Stamps who and why on every event a session appends: the department (Marten's user name), the key id and
/// the reason (headers), and the correlation id. No event in the store is anonymous.
/// </summary>
public static class AuditTrail
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static void Record(this IDocumentSession session, Caller caller, string? reason, HttpContext http)
    {
        session.LastModifiedBy = caller.DepartmentCode;
        session.SetHeader("keyId", caller.KeyId);
        session.SetHeader("departmentId", caller.DepartmentId.ToString());
        if (!string.IsNullOrWhiteSpace(reason)) session.SetHeader("reason", reason);
        session.CorrelationId = CorrelationId(http);
    }

    /// <summary>The caller's correlation id when it sent a sane one, otherwise the request's trace identifier.</summary>
    public static string CorrelationId(HttpContext http)
    {
        var sent = http.Request.Headers[CorrelationHeader].ToString();
        return sent.Length is > 0 and <= 100 && sent.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? sent
            : http.TraceIdentifier;
    }
}
