using System.Globalization;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using ProjectWorkflow.Application.Audit;
using ProjectWorkflow.Application.Persistence;
using ProjectWorkflow.Application.Validation;
using ProjectWorkflow.Engine.Runtime;
using ProjectWorkflow.Funding.Applications;
using ProjectWorkflow.Funding.Enterprises;

namespace ProjectWorkflow.Application.ProjectPool;

public sealed record ProjectPoolImportView(Guid ImportId, string FileName, int Rows, int Added, int AlreadyInPool);

/// <summary>
/// Staff who keep the project pool (an administrator or a district reviewer) import its register from an Excel
/// workbook: the first sheet, a header row, then one project a row — USCC (统一社会信用代码), project name (项目名称), pool
/// year (入库年度) and optionally the district (区). The whole sheet is checked first: one bad row refuses the file
/// (400 naming each row and column) and nothing is imported. A project already in the register for that year is left
/// as it is, so importing the same sheet twice adds nothing. Audited with the file's SHA-256 and the counts.
/// </summary>
public sealed class ImportProjectPool(ProjectWorkflowDbContext db, TimeProvider time, AuditTrail audit)
{
    public const int MaxRows = 20_000;

    private static readonly string[] UsccHeaders = ["uscc", "统一社会信用代码"];
    private static readonly string[] NameHeaders = ["projectname", "project name", "项目名称"];
    private static readonly string[] YearHeaders = ["poolyear", "pool year", "入库年度"];
    private static readonly string[] DistrictHeaders = ["district", "区", "所属区"];

    public async Task<ProjectPoolImportView> HandleAsync(string? fileName, Stream content, long maxBytes, Actor actor, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0 || buffer.Length > maxBytes) throw InvalidRequestException.For("file", $"Send the pool as an .xlsx workbook of at most {maxBytes} bytes.", $"请以 .xlsx 工作簿上传项目库，文件不超过 {maxBytes} 字节。");
        var bytes = buffer.ToArray();

        List<IDictionary<string, object?>> rows;
        try
        {
            buffer.Position = 0;
            rows = buffer.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw InvalidRequestException.For("file", "The file is not an Excel workbook (.xlsx) this import can read.", "文件不是可读取的 Excel 工作簿。");
        }
        if (rows.Count == 0) throw InvalidRequestException.For("file", "The sheet has no rows under its header.", "表格没有数据行。");
        if (rows.Count > MaxRows) throw InvalidRequestException.For("file", $"At most {MaxRows} projects per import.", $"每次最多导入 {MaxRows} 个项目。");

        var headers = rows[0].Keys.ToList();
        string? Column(string[] names) => headers.FirstOrDefault(h => names.Contains(h.Trim().ToLowerInvariant()));
        var (usccColumn, nameColumn, yearColumn, districtColumn) = (Column(UsccHeaders), Column(NameHeaders), Column(YearHeaders), Column(DistrictHeaders));
        var errors = new List<FieldError>();
        if (usccColumn is null) errors.Add(FieldError.Of("file", "The header row needs a USCC (统一社会信用代码) column.", "表头须有“统一社会信用代码”列。"));
        if (nameColumn is null) errors.Add(FieldError.Of("file", "The header row needs a project name (项目名称) column.", "表头须有“项目名称”列。"));
        if (yearColumn is null) errors.Add(FieldError.Of("file", "The header row needs a pool year (入库年度) column.", "表头须有“入库年度”列。"));
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        var importId = Guid.NewGuid();
        var now = time.GetUtcNow();
        var entries = new List<ProjectPoolEntry>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = i + 2;   // the sheet's row number: the header is row 1
            var usccText = Text(row, usccColumn!);
            var name = Text(row, nameColumn!);
            var yearText = Text(row, yearColumn!);
            var district = districtColumn is null ? null : Text(row, districtColumn);
            if (usccText.Length == 0 && name.Length == 0 && yearText.Length == 0) continue;   // an empty line
            var rowErrors = errors.Count;
            if (!Uscc.TryParse(usccText, out var uscc, out var problem))
                errors.Add(FieldError.Of($"row {line}: USCC", problem?.English ?? "Not a valid unified social credit code.", $"第 {line} 行：{problem?.Chinese ?? "统一社会信用代码无效。"}"));
            if (name.Length is 0 or > ProjectPoolEntry.NameLength)
                errors.Add(FieldError.Of($"row {line}: project name", $"A project name is 1 to {ProjectPoolEntry.NameLength} characters.", $"第 {line} 行：项目名称须为 1 至 {ProjectPoolEntry.NameLength} 个字符。"));
            if (!int.TryParse(yearText.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
                errors.Add(FieldError.Of($"row {line}: pool year", "The pool year is a year between 2000 and 2100.", $"第 {line} 行：入库年度须为 2000 至 2100 之间的年份。"));
            if (district is { Length: > ProjectPoolEntry.DistrictLength })
                errors.Add(FieldError.Of($"row {line}: district", $"At most {ProjectPoolEntry.DistrictLength} characters.", $"第 {line} 行：所属区最多 {ProjectPoolEntry.DistrictLength} 个字符。"));
            if (errors.Count == rowErrors)
                entries.Add(ProjectPoolEntry.Enter(uscc, name, year, district, importId, actor.Id, now));
            if (errors.Count >= 100) break;
        }
        if (errors.Count > 0) throw new InvalidRequestException(errors);

        // New to the register: neither there already nor a repeat of a row above.
        var usccs = entries.Select(e => e.Uscc).Distinct().ToList();
        var existing = (await db.Set<ProjectPoolEntry>().AsNoTracking().Where(e => usccs.Contains(e.Uscc))
                .Select(e => new { e.Uscc, e.NormalisedName, e.PoolYear }).ToListAsync(cancellationToken))
            .Select(e => (e.Uscc, e.NormalisedName, e.PoolYear)).ToHashSet();
        var added = 0;
        foreach (var entry in entries)
            if (existing.Add((entry.Uscc, entry.NormalisedName, entry.PoolYear)))
            {
                db.Add(entry);
                added++;
            }
        var view = new ProjectPoolImportView(importId, Fit(fileName ?? "pool.xlsx", 255), entries.Count, added, entries.Count - added);
        audit.Record("project-pool.imported", "project-pool-import", importId.ToString(),
            detail: $"{view.FileName}: {view.Rows} rows, {added} added, {view.AlreadyInPool} already in the pool; SHA-256 {Convert.ToHexStringLower(SHA256.HashData(bytes))}");
        await db.SaveChangesAsync(cancellationToken);
        return view;
    }

    private static string Text(IDictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var value) && value is not null ? Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim() : "";

    private static string Fit(string text, int length) => text.Length > length ? text[..length] : text;
}
