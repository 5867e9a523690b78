using CatalogHub.Catalogue;

namespace CatalogHub.Lists.ProofItems;

/// <summary>
/// How an applicant obtains a proof (办理服务指南, 002:28, 004:26): what to do, where, and in how many working days the
/// issuing unit issues it (0: on the spot).
/// </summary>
public sealed record ProofGuide(string Procedure, string Place, int TimeLimitDays);

/// <summary>
/// What a version of a proof item (证明事项) on the proof-item list (证明事项清单, 002:28, 004:26, 000:15) says: the
/// proof's name, its setting bases (设定依据), the unit that demands it (索要单位), the unit that issues it (开具单位),
/// the base catalogue entries it is demanded for, and the guide to obtaining it. No proof outside the published
/// list may be demanded (000:15, 004:26).
/// <para>
/// <see cref="ELicenceTypeCode"/> and <see cref="SharedData"/> record what already proves the same, when anything
/// does: the code of an e-licence type, or the shared data a department can check. A proof so proven must be
/// cancelled (002:28(二)(三)(五)), so while either is set the proof is refused at publication; the fields let a
/// department record the finding on a draft, and the cancellation cite it.
/// </para>
/// </summary>
public sealed record ProofItemContent(
    string Name,
    IReadOnlyList<LegalBasis> LegalBases,
    string DemandingUnit,
    string IssuingUnit,
    IReadOnlyList<Guid> ServedEntries,
    ProofGuide Guide,
    string? ELicenceTypeCode,
    string? SharedData);
