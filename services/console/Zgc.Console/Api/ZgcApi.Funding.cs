namespace Zgc.Console.Api;

/// <summary>Funding: agreements and their yearly awards (committee), budgets and disbursement runs (finance, maker-checker).</summary>
public sealed partial class ZgcApi
{
    /// <summary>Agreements newest first (the newest 1,000), or only those of <paramref name="status"/> (Draft, InForce, Terminated), and how many match.</summary>
    public Task<ApiResult<CappedList<AgreementRow>>> ListAgreements(CancellationToken cancellationToken, string? status = null) =>
        GetCapped<AgreementRow>("funding/agreements" + (status is null ? "" : "?status=" + Escape(status)), cancellationToken);

    public Task<ApiResult<AgreementDetail>> GetAgreement(Guid id, CancellationToken cancellationToken) =>
        Get<AgreementDetail>($"funding/agreements/{id}", cancellationToken);

    public Task<ApiResult<AgreementDetail>> SetAgreementTerms(Guid id, AgreementTermsRequest terms, CancellationToken cancellationToken) =>
        Put<AgreementDetail>($"funding/agreements/{id}/terms", terms, cancellationToken);

    public Task<ApiResult<AgreementDetail>> SignAgreement(Guid id, AgreementSignRequest signature, CancellationToken cancellationToken) =>
        Post<AgreementDetail>($"funding/agreements/{id}/signatures", signature, cancellationToken);

    public Task<ApiResult<FundingYearInfo>> AwardYear(Guid id, int year, YearAwardRequest award, CancellationToken cancellationToken) =>
        Post<FundingYearInfo>($"funding/agreements/{id}/years/{year}/award", award, cancellationToken);

    public Task<ApiResult<List<BudgetRow>>> ListBudgets(CancellationToken cancellationToken) =>
        Get<List<BudgetRow>>("funding/budgets", cancellationToken);

    public Task<ApiResult<BudgetRow>> SetBudget(int fiscalYear, long amountFen, CancellationToken cancellationToken) =>
        Put<BudgetRow>($"funding/budgets/{fiscalYear}", new BudgetRequest(amountFen), cancellationToken);

    public Task<ApiResult<List<RunInfo>>> ListRuns(CancellationToken cancellationToken) =>
        Get<List<RunInfo>>("funding/runs", cancellationToken);

    /// <summary>The run; with <paramref name="lines"/> false only its status, progress, counts and totals (cheap to poll).</summary>
    public Task<ApiResult<RunInfo>> GetRun(Guid id, CancellationToken cancellationToken, bool lines = true) =>
        Get<RunInfo>(lines ? $"funding/runs/{id}" : $"funding/runs/{id}?lines=false", cancellationToken);

    /// <summary>Starts a run (202): it gathers its lines in the background; poll <see cref="GetRun"/> for progress.</summary>
    public Task<ApiResult<RunInfo>> StartRun(int fiscalYear, CancellationToken cancellationToken) =>
        Post<RunInfo>("funding/runs", new StartRunRequest(fiscalYear), cancellationToken);

    public Task<ApiResult<RunInfo>> SubmitRun(Guid id, CancellationToken cancellationToken) =>
        Post<RunInfo>($"funding/runs/{id}/submit", null, cancellationToken);

    public Task<ApiResult<RunInfo>> CancelRun(Guid id, CancellationToken cancellationToken) =>
        Post<RunInfo>($"funding/runs/{id}/cancel", null, cancellationToken);

    public Task<ApiResult<RunLine>> DecideRunLine(Guid runId, Guid lineId, LineDecisionRequest decision, CancellationToken cancellationToken) =>
        Post<RunLine>($"funding/runs/{runId}/lines/{lineId}/decision", decision, cancellationToken);

    public Task<ApiResult<RunLine>> RecordPayment(Guid runId, Guid lineId, PaymentRequest payment, CancellationToken cancellationToken) =>
        Post<RunLine>($"funding/runs/{runId}/lines/{lineId}/payment", payment, cancellationToken);

    /// <summary>Decides many lines in one request (at most 1,000): all are stored, or none.</summary>
    public Task<ApiResult<RunBatch>> DecideRunLines(Guid runId, LineDecisionsRequest decisions, CancellationToken cancellationToken) =>
        Post<RunBatch>($"funding/runs/{runId}/decisions", decisions, cancellationToken);

    /// <summary>Records many payments in one request (at most 1,000): all are stored, or none.</summary>
    public Task<ApiResult<RunBatch>> RecordPayments(Guid runId, LinePaymentsRequest payments, CancellationToken cancellationToken) =>
        Post<RunBatch>($"funding/runs/{runId}/payments", payments, cancellationToken);

    /// <summary>The service's payment instruction of an approved run (CSV), or null when it cannot be had.</summary>
    public Task<string?> GetPaymentInstruction(Guid runId, CancellationToken cancellationToken) =>
        GetText($"funding/runs/{runId}/payment-instruction.csv", "text/csv", cancellationToken);
}
