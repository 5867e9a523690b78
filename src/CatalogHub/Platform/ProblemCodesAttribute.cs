using System.Reflection;

namespace CatalogHub.Platform;

/// <summary>
/// The stable codes an endpoint answers with of its own, beside those every operation of its kind can answer (malformed
/// input, keys, roles, If-Match, idempotency, the shared lifecycle), which <see cref="OperationDocs"/> adds by convention.
/// Either listed here for one status, or declared where the rules live: on a rules method (or class) that several endpoints
/// apply, named by <c>[ProblemCodes(typeof(Rules), nameof(Rules.Check))]</c> on each of them. The API document lists the
/// codes for the status, in the response's description and its <c>x-problem-codes</c>; the contract tests
/// (Documents/Problems_as_documented, Platform/Fuzzing_every_operation) fail when the server answers a code the document
/// does not list for that operation and status.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
public sealed class ProblemCodesAttribute : Attribute
{
    public ProblemCodesAttribute(int status, params string[] codes) => (Status, Codes) = (status, codes);

    /// <summary>The codes declared on <paramref name="declaredOn"/>'s method <paramref name="member"/>, or on the type itself.</summary>
    public ProblemCodesAttribute(Type declaredOn, string? member = null) => (DeclaredOn, Member) = (declaredOn, member);

    public int Status { get; }

    public IReadOnlyList<string> Codes { get; } = [];

    public Type? DeclaredOn { get; }

    public string? Member { get; }

    /// <summary>This declaration with the ones it names resolved, by status.</summary>
    public IEnumerable<(int Status, IReadOnlyList<string> Codes)> Resolved()
    {
        if (DeclaredOn is null) return [(Status, Codes)];
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
        var declarations = Member is null
            ? DeclaredOn.GetCustomAttributes<ProblemCodesAttribute>()
            : DeclaredOn.GetMethods(all).Where(m => m.Name == Member).SelectMany(m => m.GetCustomAttributes<ProblemCodesAttribute>()).ToList();
        if (!declarations.Any())
            throw new InvalidOperationException($"{DeclaredOn.Name}{(Member is null ? "" : "." + Member)} declares no problem codes.");
        return declarations.SelectMany(d => d.Resolved());
    }
}
