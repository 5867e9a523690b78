using CatalogHub.Catalogue;

namespace CatalogHub.Lists.IntermediaryServices;

/// <summary>
/// What a version of an intermediary service (中介服务事项) on the intermediary-service list (中介服务事项清单, 003:34,
/// 004:31, 001:28, 000:32) says: a paid technical service an approval needs, kept only with a basis in 法律, 法规 or
/// 国务院决定 (002:30, 003:34). Its conditions, process, time limit and fee standard are public (003:34, 004:31,
/// 000:32). <see cref="ProviderKind"/> describes who may provide it (具有相应资质的测绘单位), never a named agency:
/// applicants choose the provider freely and no department designates one (003:34, 004:31).
/// </summary>
/// <param name="ServedEntries">The base catalogue entries (approval items) that need this service.</param>
/// <param name="Conditions">The conditions for the service (服务条件).</param>
/// <param name="Process">The steps of the service (服务流程), in order.</param>
/// <param name="TimeLimitDays">The time limit of the service in working days.</param>
/// <param name="Free">True when the applicant pays nothing; otherwise <see cref="FeeStandard"/> states the fee.</param>
/// <param name="FeeStandard">The fee standard (收费标准): the price basis and amount, or how the price is set.</param>
public sealed record IntermediaryServiceContent(
    string Name,
    IReadOnlyList<Guid> ServedEntries,
    IReadOnlyList<LegalBasis> LegalBases,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> Process,
    int TimeLimitDays,
    bool Free,
    string? FeeStandard,
    string ProviderKind);
