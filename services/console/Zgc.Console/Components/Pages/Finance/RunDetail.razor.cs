using Microsoft.AspNetCore.Components;
using Zgc.Console.Api;
using Zgc.ServiceDefaults;
using Zgc.SharedKernel;

using Zgc.Console.Localization;

namespace Zgc.Console.Components.Pages.Finance;

/// <summary>The run page's actions: loading and polling, submit and cancel, line decisions, payments (one or all, with progress).</summary>
public sealed partial class RunDetail : IDisposable
{
    /// <summary>A bank reference is at most 64 characters; "record all" appends "-n" to the typed one.</summary>
    private const int ReferenceLimit = 64;

    private readonly CancellationTokenSource disposed = new();
    private readonly Dictionary<Guid, string> notes = [];
    private TablePages<RunLine> view = null!;
    private bool canPrepare;
    private bool canApprove;
    private bool canPay;
    private bool working;
    private bool payTried;
    private DateOnly? paidOn;
    private string reference = "";
    private string? message;
    private ApiError? actionError;
    private int progressDone;
    private int progressTotal;

    [Parameter]
    public Guid Id { get; set; }

    // Loaded while prerendering and handed over to the interactive render, so the API is called once per page load.
    [PersistentState]
    public RunInfo? Run { get; set; }

    [PersistentState]
    public ApiError? LoadError { get; set; }

    [PersistentState]
    public string? PaymentInstruction { get; set; }

    [PersistentState]
    public Guid LoadedId { get; set; }

    private string? DateCheck => paidOn is not { } date ? (payTried ? T["form.required"] : null)
        : date > BeijingTime.Today(Clock) ? T["finance.payment.future"] : null;

    private string? ReferenceCheck => reference.Trim().Length == 0 ? (payTried ? T["form.required"] : null)
        : reference.Trim().Length > ReferenceLimit - 4 ? T.Format("finance.payment.referenceTooLong", ReferenceLimit - 4) : null;

    protected override async Task OnInitializedAsync()
    {
        view = new TablePages<RunLine>(new Dictionary<string, Func<RunLine, IComparable?>>
        {
            ["platform"] = l => l.PlatformName,
            ["year"] = l => l.ConstructionYear,
            ["amount"] = l => l.AmountFen,
            ["status"] = l => l.Status,
        }, l => [l.PlatformName, l.UnitName, l.UnitUscc, l.BankReference], "platform");
        var user = (await Authentication.GetAuthenticationStateAsync()).User;
        canPrepare = user.IsInRole(Roles.FinancePreparer);
        canApprove = user.IsInRole(Roles.FinanceApprover);
        // The service lets both finance roles record a payment; recording is the preparer's work in the programme's process.
        canPay = canPrepare;
        // The payment date defaults to the programme's today (its own clock, which may be simulated).
        paidOn = BeijingTime.Today(Clock);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (LoadedId != Id || (Run is null && LoadError is null))
        {
            await Load();
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _ = PollWhileGathering();
        }
    }

    /// <summary>
    /// While the run gathers its lines in the background, its progress is read every second (without the lines, which a run
    /// for a large programme has thousands of); once it is gathered, it is read whole.
    /// </summary>
    private async Task PollWhileGathering()
    {
        try
        {
            while (!disposed.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), disposed.Token);
                if (Run?.Status == "Gathering")
                {
                    await InvokeAsync(async () =>
                    {
                        var progress = await Api.GetRun(Id, disposed.Token, lines: false);
                        if (progress.Value is { Status: "Gathering" } gathering && Run is { } shown)
                        {
                            Run = gathering with { Lines = shown.Lines };
                        }
                        else
                        {
                            await Load();
                        }

                        StateHasChanged();
                    });
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
    }

    private async Task Load()
    {
        var result = await Api.GetRun(Id, disposed.Token);
        LoadError = result.Error;
        Run = result.Value;
        LoadedId = Id;
        PaymentInstruction = Run?.Status is "Approved" or "Completed" ? await Api.GetPaymentInstruction(Id, disposed.Token) : null;
    }

    private async Task Act(Func<Task<ApiError?>> action, string done)
    {
        working = true;
        message = null;
        try
        {
            actionError = await action();
            if (actionError is null)
            {
                message = done;
            }

            await Load();
        }
        finally
        {
            working = false;
        }
    }

    private Task Submit() => Act(async () => (await Api.SubmitRun(Id, disposed.Token)).Error, T["finance.submitted"]);

    private Task Cancel() => Act(async () => (await Api.CancelRun(Id, disposed.Token)).Error, T["finance.cancelled"]);

    private Task Decide(RunLine line, bool approve) => Act(async () =>
    {
        var note = notes.TryGetValue(line.Id, out var n) && !string.IsNullOrWhiteSpace(n) ? n.Trim() : null;
        return (await Api.DecideRunLine(Id, line.Id, new LineDecisionRequest(approve, note), disposed.Token)).Error;
    }, approve ? T["finance.lineApproved"] : T["finance.lineRejected"]);

    /// <summary>Approves every undecided line in turn; stops at the first refusal (e.g. the preparer trying to approve).</summary>
    private Task ApproveAll() => Act(async () =>
    {
        var lines = Run?.Lines.Where(l => l.Status == "Proposed").ToList() ?? [];
        return await PagesWithProgress(lines, page => Api.DecideRunLines(Id, new LineDecisionsRequest([.. page.Select(l => new LineDecisionEntry(l.Id, true, null))]),
            disposed.Token));
    }, T["finance.allApproved"]);

    private Task PayOne(RunLine line)
    {
        payTried = true;
        return DateCheck is not null || ReferenceCheck is not null
            ? Task.CompletedTask
            : Act(async () => (await Api.RecordPayment(Id, line.Id, new PaymentRequest(paidOn!.Value, reference.Trim()), disposed.Token)).Error,
                T["finance.paymentRecorded"]);
    }

    /// <summary>Records every approved line's payment on the same date, each with the typed reference and its number ("-1", "-2"…).</summary>
    private Task PayAll()
    {
        payTried = true;
        if (DateCheck is not null || ReferenceCheck is not null)
        {
            return Task.CompletedTask;
        }

        return Act(async () =>
        {
            var lines = Run?.Lines.Where(l => l.Status == "Approved").ToList() ?? [];
            var prefix = reference.Trim();
            var numbered = lines.Select((l, i) => new LinePaymentEntry(l.Id, paidOn!.Value, lines.Count == 1 ? prefix : $"{prefix}-{i + 1}")).ToList();
            return await PagesWithProgress(numbered, page => Api.RecordPayments(Id, new LinePaymentsRequest([.. page]), disposed.Token));
        }, T["finance.allPaid"]);
    }

    /// <summary>
    /// Sends <paramref name="items"/> a page per request (the service decides or pays a page in one transaction), showing how
    /// many are done; stops at the first refused page, whose error names the entry (pages before it are stored).
    /// </summary>
    private async Task<ApiError?> PagesWithProgress<TItem>(IReadOnlyList<TItem> items, Func<TItem[], Task<ApiResult<RunBatch>>> call)
    {
        progressDone = 0;
        progressTotal = items.Count;
        foreach (var page in items.Chunk(BulkPage))
        {
            var result = await call(page);
            if (result.Error is not null)
            {
                return result.Error;
            }

            progressDone += page.Length;
            StateHasChanged();
        }

        return null;
    }

    /// <summary>Lines per request of "approve all" and "pay all": small enough that the progress moves on a large run.</summary>
    private const int BulkPage = 250;

    private string LinesCsv => CsvDataAddress.DataUri(
        [
            ["line_id", "application_id", "platform", "unit", "uscc", "construction_year", "amount_fen", "amount_yuan", "cap_fen", "status", "decided_by", "paid_on",
                "bank_reference"],
            .. (Run?.Lines ?? []).Select(l => new[]
            {
                l.Id.ToString(), l.ApplicationId.ToString(), l.PlatformName, l.UnitName, l.UnitUscc, Number(l.ConstructionYear), Number(l.AmountFen),
                Yuan.ForInput(l.AmountFen), Number(l.CapFen), l.Status, l.DecidedBy, l.PaidOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                l.BankReference,
            }),
        ]);

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The service's own payment instruction, handed to the browser as a data address (it has no token for the API).</summary>
    private static string CsvDataUri(string csv) => "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(csv)]);

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}
