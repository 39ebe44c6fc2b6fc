using Microsoft.EntityFrameworkCore;
using ProjectWorkflow.Application.Applications;
using ProjectWorkflow.Application.Enterprises;
using ProjectWorkflow.Application.Identity;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Application.Workflows.Forms;
using ProjectWorkflow.Application.Workflows.Instances;
using ProjectWorkflow.Application.Workflows.Storage;
using ProjectWorkflow.Engine.Runtime;

namespace ProjectWorkflow.Application.Workflows.Tasks;

/// <summary>
/// <paramref name="After"/>: the id of the last task of the page before (keyset paging): the next page starts right after it
/// in the same order, and costs what the first page costs however deep it is (where <paramref name="Skip"/> reads every row it skips).
/// </summary>
public sealed record ListTasksRequest(string? Scope, Guid? InstanceId, int? Skip, int? Take, string? Process = null, string? Step = null,
    string? District = null, string? Sort = null, Guid? After = null);

/// <summary>How many open tasks each tab of the inbox holds.</summary>
public sealed record TaskCounts(int Mine, int Candidate, int Overdue);

/// <summary>
/// The inbox: <c>mine</c> (assigned to me), <c>candidate</c> (unassigned, and I may claim it), or
/// <c>all</c> (both; every open task for administrators and auditors), or <c>overdue</c> (mine or claimable, past
/// due). Optionally only one process (a scheme's key), one step, or one district's applications (the project pool's
/// register names the district, <see cref="ApplicationDistricts"/>). Soonest due first (<c>sort=due</c>), latest due
/// first (<c>due-desc</c>) or newest first (<c>newest</c>).
/// </summary>
public sealed class ListTasks(ProjectWorkflowDbContext db, TaskForms forms)
{
    public const int MaxTake = 500;

    public async Task<IReadOnlyList<TaskView>> HandleAsync(ListTasksRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var scope = (request.Scope ?? "all").Trim().ToLowerInvariant();
        if (scope is not ("mine" or "candidate" or "all" or "overdue"))
            throw InvalidRequestException.For("scope", "The scope is one of: mine, candidate, all, overdue.", "范围须为 mine、candidate、all 或 overdue。");
        if (request.Process?.Length > 200) throw InvalidRequestException.For("process", "A process key is at most 200 characters.", "流程标识最多 200 个字符。");
        if (request.Step?.Length > 200) throw InvalidRequestException.For("step", "A step id is at most 200 characters.", "环节编号最多 200 个字符。");
        var take = request.Take ?? 100;
        if (take is < 1 or > MaxTake) throw InvalidRequestException.For("take", $"Take between 1 and {MaxTake} tasks at a time.", $"每次取 1 至 {MaxTake} 项任务。");
        var skip = request.Skip ?? 0;
        if (skip < 0) throw InvalidRequestException.For("skip", "Skip cannot be negative.", "跳过的条数不能为负数。");
        if (request.District?.Length > 100) throw InvalidRequestException.For("district", "A district is at most 100 characters.", "区名最多 100 个字符。");
        var sort = string.IsNullOrWhiteSpace(request.Sort) ? "due" : request.Sort.Trim().ToLowerInvariant();
        if (sort is not ("due" or "due-desc" or "newest")) throw InvalidRequestException.For("sort", "Sort by one of: due, due-desc, newest.", "排序方式须为 due、due-desc 或 newest。");

        var me = actor.Id;
        var open = db.Set<TaskRecord>().AsNoTracking().Where(t => t.Status == TaskStatuses.Open);
        if (request.InstanceId is { } instanceId) open = open.Where(t => t.InstanceId == instanceId);
        if (!string.IsNullOrWhiteSpace(request.Process)) open = open.Where(t => t.DefinitionKey == request.Process);
        if (!string.IsNullOrWhiteSpace(request.Step)) open = open.Where(t => t.ElementId == request.Step);
        if (!string.IsNullOrWhiteSpace(request.District))
        {
            var numbers = await ApplicationDistricts.NumbersInAsync(db, request.District.Trim(), cancellationToken);
            open = open.Where(t => t.BusinessKey != null && numbers.Contains(t.BusinessKey));
        }

        var mine = open.Where(t => t.Assignee == me);
        // Without a filter, the group tabs are read from the candidate rows (PageCandidates); a filter (one instance, process,
        // step or district) narrows the tasks enough to read them as before.
        var filtered = request.InstanceId is not null || !string.IsNullOrWhiteSpace(request.Process) || !string.IsNullOrWhiteSpace(request.Step)
                       || !string.IsNullOrWhiteSpace(request.District);
        var fromCandidates = !filtered && (scope is "candidate" or "overdue" || scope == "all" && !InstanceAccess.SeesEverything(actor));
        var namingMe = NamingMe(actor);
        var claimable = open.Where(t => t.Assignee == null && namingMe.Contains(t.Id));
        var mineOrClaimable = open.Where(t => t.Assignee == me || (t.Assignee == null && namingMe.Contains(t.Id)));
        // A deputy (代理) finds the tasks of the person they stand in for among their own; only someone who has been a deputy
        // pays for looking (one indexed lookup), so everyone else's inbox keeps its plain, index-served query.
        if (await db.Set<Deputies.Deputyship>().AsNoTracking().AnyAsync(d => d.Deputy == me, cancellationToken))
        {
            var standingIn = db.Set<TaskCandidate>().AsNoTracking().Where(c => c.IsDeputy && c.Value == me).Select(c => c.TaskId);
            mine = open.Where(t => t.Assignee == me || standingIn.Contains(t.Id));
            mineOrClaimable = open.Where(t => t.Assignee == me || (t.Assignee == null && namingMe.Contains(t.Id)) || standingIn.Contains(t.Id));
            fromCandidates = false;
        }
        var query = scope switch
        {
            "mine" => mine,
            "candidate" => claimable,
            "overdue" => mineOrClaimable.Where(t => t.OverdueSince != null),
            _ when InstanceAccess.SeesEverything(actor) => open,
            _ => mineOrClaimable,
        };

        (DateTimeOffset? Due, DateTimeOffset Created, Guid Id)? last = null;
        if (request.After is { } after)
        {
            if (skip != 0) throw InvalidRequestException.For("skip", "Page either by skip or by after, not both.", "翻页请使用 skip 或 after 其中一种，不能同时使用。");
            var row = await db.Set<TaskRecord>().AsNoTracking().Where(t => t.Id == after).Select(t => new { t.DueAt, t.CreatedAt })
                .FirstOrDefaultAsync(cancellationToken)
                ?? throw InvalidRequestException.For("after", "No task has this id: give the id of the last task of the page before.", "没有该编号的任务：请填写上一页最后一项任务的编号。");
            last = (row.DueAt, row.CreatedAt, after);
        }
        if (fromCandidates)
        {
            // The page can only hold tasks among the first (skip + take) after the cursor of each of its sources: my own tasks,
            // and the claimable candidate rows of each group of mine and of me, each a range of its own index in the inbox's
            // order. So the page is chosen among those few, and only their task rows are read: neither the other groups'
            // tasks nor the rest of mine. A task offered to two of my groups comes from both and is listed once.
            var overdue = scope == "overdue";
            var ids = PageCandidates(actor, overdue, withMine: scope != "candidate", sort, last, (int)Math.Min((long)skip + take, int.MaxValue));
            query = open.Where(t => ids.Contains(t.Id));
            query = scope switch
            {
                "candidate" => query.Where(t => t.Assignee == null),
                "overdue" => query.Where(t => (t.Assignee == me || t.Assignee == null) && t.OverdueSince != null),
                _ => query.Where(t => t.Assignee == me || t.Assignee == null),
            };
        }

        var rows = last is { } cursor
            ? await PageAfterAsync(query, sort, cursor.Due, cursor.Created, cursor.Id, take, cancellationToken)
            : await PageAsync(Ordered(query, sort).Skip(skip), take, cancellationToken);
        var formRefs = await forms.FormRefsAsync(rows, cancellationToken);
        var views = rows.Select(t => ToView(t) with { FormRef = formRefs.GetValueOrDefault(t.Id) });
        // Outside the fund's staff (an applicant's or an expert's own tasks) the inbox names nobody else.
        return Roles.IsStaff(actor) ? views.ToList()
            : views.Select(v => v with
            {
                Owner = v.Owner == me ? v.Owner : null,
                CandidateUsers = v.CandidateUsers.Where(u => u == me).ToList(),
            }).ToList();
    }

    private IOrderedQueryable<TaskRecord> Ordered(IQueryable<TaskRecord> query, string sort) => sort switch
    {
        "due-desc" => query.OrderBy(t => t.DueAt == null).ThenByDescending(t => t.DueAt).ThenByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
        "newest" => query.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
        // PostgreSQL sorts NULLs last in ascending order of its own: the plain order is the same order, and one the
        // (Status, Assignee, DueAt) index yields as it is, so a page reads as many rows as it shows instead of sorting all.
        _ when db.Database.IsNpgsql() => query.OrderBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
        _ => query.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };

    private static Task<List<TaskRecord>> PageAsync(IQueryable<TaskRecord> ordered, int take, CancellationToken cancellationToken) =>
        ordered.Take(take).Include(t => t.Candidates).ToListAsync(cancellationToken);

    /// <summary>
    /// The page after the task (<paramref name="due"/>, <paramref name="created"/>, <paramref name="id"/>) in the sort's order. The
    /// tasks with a due date come first in both due orders, those without last: they are read as two ranges, the dated ones
    /// from the task's due date on (a range the due-date index starts at, so a deep page reads only its own rows), then, when the
    /// page is not full, the undated ones.
    /// </summary>
    private async Task<List<TaskRecord>> PageAfterAsync(IQueryable<TaskRecord> query, string sort, DateTimeOffset? due, DateTimeOffset created, Guid id,
        int take, CancellationToken cancellationToken)
    {
        if (sort == "newest")
            return await PageAsync(Ordered(AfterByCreation(query, created, id, newestFirst: true), sort), take, cancellationToken);

        var undated = query.Where(t => t.DueAt == null);
        if (due is null)
            return await PageAsync(Ordered(AfterByCreation(undated, created, id, newestFirst: sort == "due-desc"), sort), take, cancellationToken);

        var dated = sort == "due-desc"
            ? query.Where(t => t.DueAt <= due && (t.DueAt < due || t.CreatedAt < created || (t.CreatedAt == created && t.Id.CompareTo(id) > 0)))
            : query.Where(t => t.DueAt >= due && (t.DueAt > due || t.CreatedAt > created || (t.CreatedAt == created && t.Id.CompareTo(id) > 0)));
        var rows = await PageAsync(Ordered(dated, sort), take, cancellationToken);
        if (rows.Count < take) rows.AddRange(await PageAsync(Ordered(undated, sort), take - rows.Count, cancellationToken));
        return rows;
    }

    /// <summary>The tasks after (<paramref name="created"/>, <paramref name="id"/>) in creation order (newest or oldest first), ties by id.</summary>
    private static IQueryable<TaskRecord> AfterByCreation(IQueryable<TaskRecord> query, DateTimeOffset created, Guid id, bool newestFirst) =>
        newestFirst
            ? query.Where(t => t.CreatedAt <= created && (t.CreatedAt < created || t.Id.CompareTo(id) > 0))
            : query.Where(t => t.CreatedAt >= created && (t.CreatedAt > created || t.Id.CompareTo(id) > 0));

    /// <summary>The inbox's tab counts: assigned to me, claimable by me, and of those past due.</summary>
    public async Task<TaskCounts> CountAsync(Actor actor, CancellationToken cancellationToken)
    {
        var me = actor.Id;
        var tasks = db.Set<TaskRecord>().AsNoTracking().Where(t => t.Status == TaskStatuses.Open);
        // Mine from the (Status, Assignee, DueAt) index; claimable from the candidates' claimable rows alone (their index covers
        // it), so neither reads the history of the group nor every open task of every group.
        var mine = await tasks.Where(t => t.Assignee == me)
            .GroupBy(t => 1)
            .Select(g => new { All = g.Count(), Overdue = g.Count(t => t.OverdueSince != null) })
            .FirstOrDefaultAsync(cancellationToken);
        // Claimable, and claimable past due, from the claimable candidate rows alone: one index range per group of mine (and
        // me), read without the table, both counts in one pass of each range. A group's range names each task once; when
        // more than one range holds tasks, or my own does (I may be named there twice: as a candidate and as a deputy), a task
        // may be in two of them, and the tasks are counted once each, by id.
        var perRange = await ClaimableRanges(actor, overdue: false, withOverdue: true)
            .Select(range => range.GroupBy(r => 1).Select(g => new RangeCount
            {
                All = g.Count(), Overdue = g.Count(r => r.OverdueSince != null), OfGroups = g.Count(r => r.OfGroup),
            }))
            .Aggregate((all, range) => all.Concat(range))
            .ToListAsync(cancellationToken);
        var claimable = perRange.Sum(r => r.All);
        var claimableOverdue = perRange.Sum(r => r.Overdue);
        if (perRange.Count(r => r.All > 0) > 1 || perRange.Any(r => r.OfGroups < r.All))
        {
            claimable = await ClaimableNamingMe(actor, overdue: false).Select(r => r.TaskId).Distinct().CountAsync(cancellationToken);
            claimableOverdue = await ClaimableNamingMe(actor, overdue: true).Select(r => r.TaskId).Distinct().CountAsync(cancellationToken);
        }
        return new TaskCounts(mine?.All ?? 0, claimable, (mine?.Overdue ?? 0) + claimableOverdue);
    }

    private sealed class RangeCount
    {
        public int All { get; init; }
        public int Overdue { get; init; }
        public int OfGroups { get; init; }
    }

    /// <summary>A task's place in the inbox's order, as its candidate rows (or its own row) carry it.</summary>
    private sealed class InboxKey
    {
        public Guid TaskId { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public DateTimeOffset CreatedAt { get; init; }

        /// <summary>Read only where the counts ask for it (<c>withOverdue</c>), as is <see cref="OfGroup"/>.</summary>
        public DateTimeOffset? OverdueSince { get; init; }

        /// <summary>The row names a group (not a user).</summary>
        public bool OfGroup { get; init; }
    }

    /// <summary>
    /// The claimable candidate rows naming me (past due only, when <paramref name="overdue"/>): one range of the candidates'
    /// (Value, IsGroup, Claimable, DueAt, CreatedAt, TaskId, OverdueSince) index per group of mine and one for me, joined by
    /// UNION ALL. The flags are compared with a parameter, not read bare, so SQLite seeks on them too.
    /// </summary>
    private IQueryable<InboxKey> ClaimableNamingMe(Actor actor, bool overdue) =>
        ClaimableRanges(actor, overdue).Aggregate((all, range) => all.Concat(range));

    /// <summary>The ranges of <see cref="ClaimableNamingMe"/>, one per group of mine, then mine as a candidate user.</summary>
    private List<IQueryable<InboxKey>> ClaimableRanges(Actor actor, bool overdue, bool withOverdue = false)
    {
        var yes = true;
        var no = false;
        var candidates = db.Set<TaskCandidate>().AsNoTracking().Where(c => c.Claimable == yes);
        if (overdue) candidates = candidates.Where(c => c.OverdueSince != null);
        var me = actor.Id;
        return actor.Groups.Distinct(StringComparer.Ordinal)
            .Select(group => candidates.Where(c => c.Value == group && c.IsGroup == yes))
            .Append(candidates.Where(c => c.Value == me && c.IsGroup == no))
            .Select(range => withOverdue
                ? range.Select(c => new InboxKey { TaskId = c.TaskId, DueAt = c.DueAt, CreatedAt = c.CreatedAt, OverdueSince = c.OverdueSince, OfGroup = c.IsGroup })
                : range.Select(c => new InboxKey { TaskId = c.TaskId, DueAt = c.DueAt, CreatedAt = c.CreatedAt }))
            .ToList();
    }

    /// <summary>
    /// The ids a page (the <paramref name="count"/> first after <paramref name="last"/>, or from the start) can come from: the
    /// first <paramref name="count"/> of each source in the sort's order — each group's claimable rows, mine as a candidate user,
    /// and my own tasks (<paramref name="withMine"/>) — the dated ones and the undated ones apart (so each is one index range
    /// read in order). The tasks a page shows are among them: every task before one of the page's, in any source, is before
    /// it in the page's order too.
    /// </summary>
    private IQueryable<Guid> PageCandidates(Actor actor, bool overdue, bool withMine, string sort,
        (DateTimeOffset? Due, DateTimeOffset Created, Guid Id)? last, int count)
    {
        var me = actor.Id;
        var ranges = ClaimableRanges(actor, overdue);
        if (withMine)
        {
            var mine = db.Set<TaskRecord>().AsNoTracking().Where(t => t.Status == TaskStatuses.Open && t.Assignee == me);
            if (overdue) mine = mine.Where(t => t.OverdueSince != null);
            ranges.Add(mine.Select(t => new InboxKey { TaskId = t.Id, DueAt = t.DueAt, CreatedAt = t.CreatedAt }));
        }
        var parts = new List<IQueryable<InboxKey>>();
        foreach (var range in ranges)
        {
            if (sort == "newest")
            {
                var from = last is { } l ? AfterByCreation(range, l.Created, l.Id, newestFirst: true) : range;
                parts.Add(from.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.TaskId).Take(count));
                continue;
            }
            var descending = sort == "due-desc";
            // The dated rows, unless the cursor is already among the undated ones (which come after them).
            if (last is not { Due: null })
            {
                var dated = range.Where(r => r.DueAt != null);
                if (last is { Due: { } due } d)
                    dated = descending
                        ? dated.Where(r => r.DueAt <= due && (r.DueAt < due || r.CreatedAt < d.Created || (r.CreatedAt == d.Created && r.TaskId.CompareTo(d.Id) > 0)))
                        : dated.Where(r => r.DueAt >= due && (r.DueAt > due || r.CreatedAt > d.Created || (r.CreatedAt == d.Created && r.TaskId.CompareTo(d.Id) > 0)));
                parts.Add((descending
                    ? dated.OrderByDescending(r => r.DueAt).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.TaskId)
                    : dated.OrderBy(r => r.DueAt).ThenBy(r => r.CreatedAt).ThenBy(r => r.TaskId)).Take(count));
            }
            var undated = range.Where(r => r.DueAt == null);
            if (last is { Due: null } u) undated = AfterByCreation(undated, u.Created, u.Id, newestFirst: descending);
            parts.Add((descending
                ? undated.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.TaskId)
                : undated.OrderBy(r => r.CreatedAt).ThenBy(r => r.TaskId)).Take(count));
        }
        return parts.Select(p => p.Select(r => r.TaskId)).Aggregate((all, part) => all.Concat(part));
    }

    private static IQueryable<InboxKey> AfterByCreation(IQueryable<InboxKey> query, DateTimeOffset created, Guid id, bool newestFirst) =>
        newestFirst
            ? query.Where(r => r.CreatedAt <= created && (r.CreatedAt < created || r.TaskId.CompareTo(id) > 0))
            : query.Where(r => r.CreatedAt >= created && (r.CreatedAt > created || r.TaskId.CompareTo(id) > 0));

    /// <summary>
    /// The tasks I may claim: their candidates name me (a group of mine, or me) and they are claimable, as one set read
    /// from the candidates' inbox index (Value, IsGroup, Claimable, …, TaskId), rather than a probe of every open unassigned task's
    /// candidates, or every candidate row the group ever had.
    /// </summary>
    private IQueryable<Guid> NamingMe(Actor actor) =>
        db.Set<TaskCandidate>().AsNoTracking().Where(c => c.Claimable).Where(TaskCandidates.Naming(actor)).Select(c => c.TaskId);

    public static TaskView ToView(TaskRecord t) => new(
        t.Id, t.InstanceId, t.ElementId, t.Name, t.Assignee, t.Owner,
        t.Candidates.Where(c => c.IsGroup).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
        t.Candidates.Where(c => !c.IsGroup).Select(c => c.Value).Order(StringComparer.Ordinal).ToList(),
        t.DueAt, t.FormKey, t.CreatedAt, t.BusinessKey, t.DefinitionKey, t.OverdueSince);
}
