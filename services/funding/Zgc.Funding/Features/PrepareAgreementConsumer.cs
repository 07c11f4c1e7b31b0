using MassTransit;
using Microsoft.EntityFrameworkCore;
using Zgc.Funding.Contracts;
using Zgc.Funding.Domain;
using Zgc.Funding.Persistence;
using Zgc.SharedKernel;
using Zgc.SharedKernel.Policy;

namespace Zgc.Funding.Features;

/// <summary>
/// R-A13-AGREEMENT: once a platform is included, funding drafts its agreement (one per application; a repeated command
/// changes nothing). The committee then completes the terms and both parties sign.
/// </summary>
/// <remarks>
/// The agreement copies the figures of the lifecycle's policy version; a command from an older sender without a version
/// takes the version in force on the day of inclusion. An unknown version faults the message (a configuration error that
/// operators see among the incidents), rather than drafting under the wrong figures.
/// </remarks>
internal sealed class PrepareAgreementConsumer(FundingDbContext db, TimeProvider clock, PolicyCatalog policies) : IConsumer<PrepareAgreement>
{
    public async Task Consume(ConsumeContext<PrepareAgreement> context)
    {
        var m = context.Message;
        Check(m);
        if (await db.Agreements.AnyAsync(a => a.ApplicationId == m.ApplicationId, context.CancellationToken))
        {
            return;
        }

        db.Agreements.Add(Agreement.Draft(Guid.CreateVersion7(), m.ApplicationId, m.PlatformName, m.UnitUscc, m.UnitName, m.IndustryField, m.SubPark,
            m.EspeciallyMajor, m.MajorDecisionReference, Money.FromFen(m.TotalInvestmentFen), Money.FromFen(m.SupportBaseFen), m.IncludedAt,
            clock.GetUtcNow(), FundingRules.From(m.PolicyVersion is { } version ? policies.Get(version) : policies.InForceOn(BeijingTime.DateOf(m.IncludedAt)))));
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>
    /// Another service's command is still input: a malformed one (no application, texts too long or with control characters
    /// or bidi overrides) is refused with a rule violation, which is not retried and sends the message to the error queue,
    /// rather than drafting an agreement nobody can read or sign. Amounts are checked by <see cref="Agreement.Draft"/>.
    /// </summary>
    private static void Check(PrepareAgreement m)
    {
        if (m.ApplicationId == Guid.Empty)
        {
            throw new RuleViolationException("applicationId", "R-A13-AGREEMENT", "The command names no application.", "指令未指明申报项目。");
        }

        Text("platformName", m.PlatformName, 200, required: true);
        Text("unitName", m.UnitName, 200, required: true);
        Text("unitUscc", m.UnitUscc, 18, required: true);
        Text("industryField", m.IndustryField, 64, required: true);
        Text("subPark", m.SubPark, 64, required: true);
        Text("majorDecisionReference", m.MajorDecisionReference, 200, required: false);
    }

    private static void Text(string field, string? value, int max, bool required)
    {
        var missing = string.IsNullOrWhiteSpace(value);
        if ((required && missing) || (value is not null && (value.Length > max
            || value.Any(c => char.IsControl(c) || c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))))
        {
            throw new RuleViolationException(field, "R-A13-AGREEMENT", $"{field} is missing, longer than {max} characters or not plain text.",
                $"{field}缺失、超过{max}个字符或包含控制字符。");
        }
    }
}
