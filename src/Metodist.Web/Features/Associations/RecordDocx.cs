using System.Globalization;
using Metodist.Web.Infrastructure.Exports;

namespace Metodist.Web.Features.Associations;

/// <summary>The protocol of a meeting and the report of a period as DOCX, laid out as Russian methodical papers are.</summary>
public static class RecordDocx
{
    public const string ContentType = DocxBuilder.ContentType;

    private static string D(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static byte[] Protocol(Protocol p, string association, string? organization)
    {
        ArgumentNullException.ThrowIfNull(p);
        var doc = new DocxBuilder();
        if (!string.IsNullOrWhiteSpace(organization)) doc.Heading(organization, before: 0, after: 0);
        doc.Heading(association, before: 0, after: 240);
        doc.Heading($"ПРОТОКОЛ № {N(p.Number)}", before: 120, after: 120);
        doc.Paragraph($"{D(p.Date)}{(string.IsNullOrWhiteSpace(p.Venue) ? "" : "    " + p.Venue)}", after: 240);
        if (!string.IsNullOrWhiteSpace(p.Chair)) doc.Labelled("Председатель:", p.Chair);
        if (!string.IsNullOrWhiteSpace(p.Secretary)) doc.Labelled("Секретарь:", p.Secretary);
        var present = p.Attendees.Where(a => a.Present).Select(a => a.FullName).ToList();
        var absent = p.Attendees.Where(a => !a.Present).Select(a => a.FullName).ToList();
        doc.Labelled("Присутствовали:", $"{N(present.Count + p.Guests)} чел." + (present.Count == 0 ? "" : $" ({string.Join(", ", present)})")
            + (p.Guests > 0 ? $", в том числе приглашённые — {N(p.Guests)} чел." : ""), before: 120);
        doc.Labelled("Отсутствовали:", $"{N(absent.Count)} чел." + (absent.Count == 0 ? "" : $" ({string.Join(", ", absent)})"));
        doc.Heading("ПОВЕСТКА ДНЯ:", center: false, before: 240, after: 60);
        var n = 0;
        foreach (var line in Lines(p.Agenda)) doc.Paragraph(char.IsDigit(line[0]) ? line : $"{N(++n)}. {line}", justify: true);
        if (!string.IsNullOrWhiteSpace(p.Heard))
        {
            doc.Heading("СЛУШАЛИ:", center: false, before: 240, after: 60);
            doc.Paragraph(p.Heard, justify: true);
        }
        if (!string.IsNullOrWhiteSpace(p.Decided))
        {
            doc.Heading("РЕШИЛИ:", center: false, before: 240, after: 60);
            doc.Paragraph(p.Decided, justify: true);
        }
        if (p.Assignments.Count > 0)
        {
            doc.Heading("Поручения", before: 240, after: 60);
            doc.Table([6, 54, 24, 16], ["№", "Поручение", "Ответственный", "Срок"],
                p.Assignments.OrderBy(a => a.Number).Select(a => (IReadOnlyList<string?>)[N(a.Number), a.Text, a.ResponsibleText,
                    a.Deadline is { } d ? D(d) : "постоянно"]));
        }
        doc.Paragraph($"Председатель ____________________ {p.Chair}", before: 480);
        doc.Paragraph($"Секретарь ____________________ {p.Secretary}", before: 240);
        return doc.Build($"Протокол № {N(p.Number)} от {D(p.Date)}");
    }

    public static byte[] Report(AssociationReport r, string association, ReportBody body)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(body);
        var doc = new DocxBuilder();
        doc.Heading(r.Title.ToUpperInvariant(), before: 0, after: 60);
        doc.Heading(association, before: 0, after: 60);
        doc.Paragraph($"Период: {D(r.PeriodStart)} – {D(r.PeriodEnd)}; срок сдачи — {D(r.DueOn)}.", after: 240);
        doc.Heading("1. Выполнение плана работы", center: false, before: 120, after: 60);
        doc.Paragraph($"Пунктов плана в периоде: {N(body.Items.Count)}; выполнено — {N(body.Count(ItemProgress.Done))}, перенесено — {N(body.Count(ItemProgress.Moved))}, "
            + $"не выполнено — {N(body.Count(ItemProgress.NotDone) + body.Count(ItemProgress.Late))}, в работе — {N(body.Count(ItemProgress.Due) + body.Count(ItemProgress.Ahead))}.", justify: true);
        if (body.Items.Count > 0)
            doc.Table([6, 46, 18, 14, 16], ["№", "Мероприятие", "Срок", "Выполнение", "Причина"],
                body.Items.Select(i => (IReadOnlyList<string?>)[N(i.Number), i.Title, i.Timing,
                    i.Progress.Title() + (i.Held.Count > 0 ? " " + string.Join(", ", i.Held.Select(D)) : ""), i.Reason]));
        doc.Heading("2. Проведённые мероприятия", center: false, before: 120, after: 60);
        if (body.Events.Count == 0) doc.Paragraph("Мероприятий в периоде не проводилось.");
        else
            doc.Table([14, 50, 18, 18], ["Дата", "Мероприятие", "Форма", "Участников"],
                body.Events.Select(e => (IReadOnlyList<string?>)[D(e.Date), e.Title, e.Kind.Title(), N(e.Attended)]));
        doc.Heading("3. Участники", center: false, before: 120, after: 60);
        doc.Paragraph($"Участвовали в мероприятиях: {Metodist.Web.Infrastructure.Web.Format.Count(body.Participants, "педагог", "педагога", "педагогов")} из {Metodist.Web.Infrastructure.Web.Format.Count(body.Organizations.Count, "организации", "организаций", "организаций")}"
            + (body.Organizations.Count == 0 ? "." : ": " + string.Join("; ", body.Organizations.Select(o => $"{o.Organization} — {N(o.People)}")) + "."), justify: true);
        doc.Heading("4. Заседания и решения", center: false, before: 120, after: 60);
        if (body.Protocols.Count == 0) doc.Paragraph("Протоколов в периоде нет.");
        foreach (var p in body.Protocols)
        {
            doc.Labelled($"Протокол № {N(p.Number)} от {D(p.Date)}", $"(присутствовали {N(p.Present)}, отсутствовали {N(p.Absent)})", before: 60);
            if (!string.IsNullOrWhiteSpace(p.Decided)) doc.Paragraph(p.Decided, justify: true);
        }
        doc.Heading("5. Методические материалы", center: false, before: 120, after: 60);
        doc.Paragraph(body.Materials.Count == 0 ? "Материалы в систему не загружались." : string.Join("\n", body.Materials.Select((m, i) => $"{N(i + 1)}. {m}")));
        doc.Heading("6. Итоги работы", center: false, before: 120, after: 60);
        doc.Paragraph(r.Summary ?? "—", justify: true);
        doc.Heading("7. Проблемы", center: false, before: 120, after: 60);
        doc.Paragraph(r.Problems ?? "—", justify: true);
        doc.Heading("8. Предложения", center: false, before: 120, after: 60);
        doc.Paragraph(r.Proposals ?? "—", justify: true);
        doc.Paragraph(r.Status == ReportStatus.Submitted && r.SubmittedAt is { } at
            ? $"Сдан {at:dd.MM.yyyy}, {r.SubmittedBy}" : "Черновик", before: 360);
        doc.Paragraph("Руководитель объединения ____________________", before: 240);
        return doc.Build(r.Title);
    }

    /// <summary>The rows of the passport in seed 000's order, with their values.</summary>
    public static IReadOnlyList<(string Row, string? Value)> Passport(Programme p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return
        [
            ("Наименование программы", p.Name),
            ("Основание для разработки программы", p.BasisDocuments),
            ("Целевая аудитория", p.TargetAudience),
            ("Заказчик программы", p.Customer),
            ("Основные разработчики программы", p.Developers),
            ("Цель программы", p.Goal),
            ("Задачи программы", p.Tasks),
            ("Ожидаемые результаты реализации программы", p.ExpectedResults),
            ("Срок реализации программы", p.Period),
            ("Формы работы", p.FormsOfWork),
        ];
    }

    /// <summary>The programme of activity laid out like seed 000: the passport table, the note, the mechanism by stages, the sources.</summary>
    public static byte[] Programme(Programme p, string owner)
    {
        ArgumentNullException.ThrowIfNull(p);
        var doc = new DocxBuilder();
        doc.Heading(owner, before: 0, after: 240);
        doc.Heading("ПРОГРАММА ДЕЯТЕЛЬНОСТИ", before: 240, after: 60);
        doc.Heading(p.Name, before: 0, after: 60);
        if (!string.IsNullOrWhiteSpace(p.Period)) doc.Paragraph(p.Period, after: 240);
        doc.Heading("ПАСПОРТ ПРОГРАММЫ", before: 240, after: 120);
        doc.Table([35, 65], [], Passport(p).Where(r => !string.IsNullOrWhiteSpace(r.Value)).Select(r => (IReadOnlyList<string?>)[r.Row, r.Value]));
        if (!string.IsNullOrWhiteSpace(p.ExplanatoryNote))
        {
            doc.Heading("ПОЯСНИТЕЛЬНАЯ ЗАПИСКА", before: 240, after: 120);
            doc.Paragraph(p.ExplanatoryNote, justify: true, indent: 709);
        }
        if (p.Stages.Count > 0)
        {
            doc.Heading("МЕХАНИЗМ РЕАЛИЗАЦИИ ПРОГРАММЫ", before: 240, after: 120);
            doc.Table([6, 16, 14, 24, 18, 22], ["№ п/п", "Наименование этапа", "Сроки реализации этапа", "Задачи", "Средства реализации", "Ожидаемый результат"],
                p.Stages.OrderBy(s => s.Number).Select(s => (IReadOnlyList<string?>)[$"{N(s.Number)}.", s.Name, s.Dates, s.Tasks, s.Means, s.ExpectedResult]));
        }
        if (p.Sources.Count > 0)
        {
            doc.Heading("СПИСОК ИНФОРМАЦИОННЫХ РЕСУРСОВ", before: 240, after: 120);
            foreach (var s in p.Sources.OrderBy(s => s.Number)) doc.Paragraph($"{N(s.Number)}. {s.Text}", justify: true);
        }
        return doc.Build(p.Name);
    }
}
