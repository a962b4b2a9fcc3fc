using Metodist.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Metodist.Web.Features.Diagnostics.Tests;

/// <summary>The header of a diagnostic as its form edits it.</summary>
public sealed class DiagnosticForm
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public DiagnosticKind Kind { get; set; }
    public int? TimeLimitMinutes { get; set; }
    public int? NoDeficitFrom { get; set; } = 70;
    public int? PartialFrom { get; set; } = 40;

    public static DiagnosticForm From(Diagnostic d) => new()
    {
        Title = d.Title, Description = d.Description, Kind = d.Kind, TimeLimitMinutes = d.TimeLimitMinutes, NoDeficitFrom = d.NoDeficitFrom, PartialFrom = d.PartialFrom,
    };
}

public sealed class OptionForm
{
    public string? Text { get; set; }
    public bool IsCorrect { get; set; }
}

/// <summary>A question as its form edits it: the text, the area, the kind of choice and up to eight options with the key.</summary>
public sealed class QuestionForm
{
    public const int MaxOptions = 8;

    public string? Text { get; set; }
    public Guid? AreaId { get; set; }
    public bool MultipleChoice { get; set; }

    /// <summary>The place of the question in the test (1 is first); the others move to make room.</summary>
    public int? Number { get; set; }

    public List<OptionForm> Options { get; set; } = [];

    /// <summary>Pads the options to <see cref="MaxOptions"/> rows, so that the form always offers empty ones to fill in.</summary>
    public QuestionForm Padded()
    {
        while (Options.Count < MaxOptions) Options.Add(new OptionForm());
        return this;
    }

    public static QuestionForm From(DiagnosticQuestion q) => new QuestionForm
    {
        Text = q.Text, AreaId = q.AreaId, MultipleChoice = q.MultipleChoice, Number = q.Number,
        Options = q.Options.OrderBy(o => o.Number).Select(o => new OptionForm { Text = o.Text, IsCorrect = o.IsCorrect }).ToList(),
    }.Padded();
}

/// <summary>
/// Writing a diagnostic: its header with the level thresholds, the questions of an online test, and publishing. A test
/// that teachers have already taken keeps its questions, key and thresholds, so that its results stay comparable.
/// </summary>
public sealed class DiagnosticBuilder(AppDbContext db)
{
    public const int MaxTimeLimitMinutes = 600;

    public static Dictionary<string, string> Validate(DiagnosticForm form)
    {
        var errors = new Dictionary<string, string>();
        var title = form.Title?.Trim() ?? "";
        if (title.Length == 0) errors[nameof(form.Title)] = "Укажите название диагностики.";
        else if (title.Length > 300) errors[nameof(form.Title)] = "Название — не длиннее 300 символов.";
        if (form.Description?.Length > 4000) errors[nameof(form.Description)] = "Описание — не длиннее 4000 символов.";
        if (!Enum.IsDefined(form.Kind)) errors[nameof(form.Kind)] = "Выберите вид диагностики.";
        if (form.TimeLimitMinutes is { } limit && (limit < 1 || limit > MaxTimeLimitMinutes))
            errors[nameof(form.TimeLimitMinutes)] = $"Ограничение времени — от 1 до {MaxTimeLimitMinutes} минут, или оставьте поле пустым.";
        if (form.NoDeficitFrom is not { } noDeficit || noDeficit < 1 || noDeficit > 100)
            errors[nameof(form.NoDeficitFrom)] = "Порог «нет дефицита» — целое число от 1 до 100.";
        if (form.PartialFrom is not { } partial || partial < 0 || partial > 99)
            errors[nameof(form.PartialFrom)] = "Порог «частичный дефицит» — целое число от 0 до 99.";
        else if (form.NoDeficitFrom is { } upper && partial >= upper)
            errors[nameof(form.PartialFrom)] = "Порог «частичный дефицит» должен быть меньше порога «нет дефицита».";
        return errors;
    }

    /// <summary>The checks of a question that need nothing but the form: 2–8 options, a key, one keyed option for a single choice.</summary>
    public static Dictionary<string, string> Validate(QuestionForm form)
    {
        var errors = new Dictionary<string, string>();
        var text = form.Text?.Trim() ?? "";
        if (text.Length == 0) errors[nameof(form.Text)] = "Введите текст вопроса.";
        else if (text.Length > 2000) errors[nameof(form.Text)] = "Текст вопроса — не длиннее 2000 символов.";
        if (form.AreaId is null) errors[nameof(form.AreaId)] = "Выберите компетенцию, которую проверяет вопрос.";
        for (var i = 0; i < form.Options.Count; i++)
        {
            var option = form.Options[i];
            if (option.Text?.Trim().Length > 1000) errors[$"Options[{i}]"] = "Вариант ответа — не длиннее 1000 символов.";
            else if (string.IsNullOrWhiteSpace(option.Text) && option.IsCorrect) errors[$"Options[{i}]"] = "Правильным отмечен пустой вариант: введите его текст или снимите отметку.";
        }
        var filled = form.Options.Where(o => !string.IsNullOrWhiteSpace(o.Text)).ToList();
        var keyed = filled.Count(o => o.IsCorrect);
        if (filled.Count < 2 || filled.Count > QuestionForm.MaxOptions)
            errors[nameof(form.Options)] = $"Нужно от 2 до {QuestionForm.MaxOptions} вариантов ответа.";
        else if (keyed == 0)
            errors[nameof(form.Options)] = "Отметьте правильный вариант ответа.";
        else if (!form.MultipleChoice && keyed > 1)
            errors[nameof(form.Options)] = "В вопросе с одним ответом правильным должен быть ровно один вариант. Если верных несколько, выберите «несколько ответов».";
        return errors;
    }

    /// <summary>Why the questions of a diagnostic cannot be changed any more, or null while they can.</summary>
    public async Task<string?> QuestionsLockedAsync(Guid diagnosticId, CancellationToken ct = default)
    {
        var results = await db.DiagnosticResults.CountAsync(r => r.DiagnosticId == diagnosticId, ct);
        if (results > 0)
            return $"Тест уже прошли: {results} {Infrastructure.Web.Format.Plural(results, "результат", "результата", "результатов")}. Вопросы, ключ и пороги уровней "
                   + "изменить нельзя, чтобы результаты оставались сопоставимыми. Чтобы изменить тест, создайте его копию.";
        if (await db.DiagnosticAttempts.AnyAsync(a => a.DiagnosticId == diagnosticId, ct))
            return "Тест уже начали проходить: вопросы и ключ изменить нельзя, чтобы ответы не потеряли смысл. Чтобы изменить тест, создайте его копию.";
        return null;
    }

    /// <summary>Creates a diagnostic, or changes the header of one; the kind and thresholds of a taken test stay as they are.</summary>
    public async Task<(Diagnostic? Diagnostic, Dictionary<string, string> Errors)> SaveAsync(Guid? id, DiagnosticForm form, string userName, CancellationToken ct = default)
    {
        var errors = Validate(form);
        Diagnostic? diagnostic = null;
        if (id is { } existingId)
        {
            diagnostic = await db.Diagnostics.FirstOrDefaultAsync(d => d.Id == existingId, ct);
            if (diagnostic is null) return (null, new Dictionary<string, string> { [""] = "Диагностика не найдена." });
            var taken = await db.DiagnosticResults.AnyAsync(r => r.DiagnosticId == existingId, ct);
            if (taken && (form.NoDeficitFrom != diagnostic.NoDeficitFrom || form.PartialFrom != diagnostic.PartialFrom))
                errors[nameof(form.NoDeficitFrom)] = "По диагностике уже есть результаты: пороги уровней изменить нельзя, иначе уровни старых и новых результатов разойдутся.";
            if (form.Kind != diagnostic.Kind)
            {
                if (taken) errors[nameof(form.Kind)] = "По диагностике уже есть результаты: её вид изменить нельзя.";
                else if (form.Kind == DiagnosticKind.External && await db.DiagnosticQuestions.AnyAsync(q => q.DiagnosticId == existingId, ct))
                    errors[nameof(form.Kind)] = "У теста есть вопросы: внешней оценкой он быть не может. Удалите вопросы или создайте новую диагностику.";
            }
        }
        if (errors.Count > 0) return (null, errors);
        if (diagnostic is null)
        {
            diagnostic = new Diagnostic { CreatedBy = userName };
            db.Diagnostics.Add(diagnostic);
        }
        diagnostic.Title = form.Title!.Trim();
        diagnostic.Description = string.IsNullOrWhiteSpace(form.Description) ? null : form.Description.Trim();
        diagnostic.Kind = form.Kind;
        diagnostic.TimeLimitMinutes = form.Kind == DiagnosticKind.OnlineTest ? form.TimeLimitMinutes : null;
        diagnostic.NoDeficitFrom = form.NoDeficitFrom!.Value;
        diagnostic.PartialFrom = form.PartialFrom!.Value;
        await db.SaveChangesAsync(ct);
        return (diagnostic, errors);
    }

    /// <summary>Adds a question to an online test or changes one, at the place its number asks for.</summary>
    public async Task<Dictionary<string, string>> SaveQuestionAsync(Guid diagnosticId, Guid? questionId, QuestionForm form, CancellationToken ct = default)
    {
        var diagnostic = await db.Diagnostics.Include(d => d.Questions).ThenInclude(q => q.Options).AsSplitQuery().FirstOrDefaultAsync(d => d.Id == diagnosticId, ct);
        if (diagnostic is null) return new Dictionary<string, string> { [""] = "Диагностика не найдена." };
        if (diagnostic.Kind != DiagnosticKind.OnlineTest) return new Dictionary<string, string> { [""] = "Вопросы есть только у онлайн-тестов." };
        if (await QuestionsLockedAsync(diagnosticId, ct) is { } locked) return new Dictionary<string, string> { [""] = locked };
        var question = questionId is { } qid ? diagnostic.Questions.FirstOrDefault(q => q.Id == qid) : null;
        if (questionId is not null && question is null) return new Dictionary<string, string> { [""] = "Вопрос не найден." };

        var errors = Validate(form);
        if (form.AreaId is { } areaId && !errors.ContainsKey(nameof(form.AreaId))
            && !await db.CompetenceAreas.AnyAsync(a => a.Id == areaId && a.IsActive, ct))
            errors[nameof(form.AreaId)] = "Компетенция не найдена или отключена: выберите действующую.";
        if (errors.Count > 0) return errors;

        if (question is null)
        {
            question = new DiagnosticQuestion { DiagnosticId = diagnosticId };
            db.DiagnosticQuestions.Add(question);
        }
        question.Text = form.Text!.Trim();
        question.AreaId = form.AreaId!.Value;
        question.MultipleChoice = form.MultipleChoice;
        question.Options.Clear();
        var number = 0;
        foreach (var option in form.Options.Where(o => !string.IsNullOrWhiteSpace(o.Text)))
            question.Options.Add(new DiagnosticOption { QuestionId = question.Id, Number = ++number, Text = option.Text!.Trim(), IsCorrect = option.IsCorrect });

        var others = diagnostic.Questions.Where(q => q.Id != question.Id).OrderBy(q => q.Number).ToList();
        others.Insert(Math.Clamp((form.Number ?? others.Count + 1) - 1, 0, others.Count), question);
        Renumber(others);
        await db.SaveChangesAsync(ct);
        return errors;
    }

    public async Task<string?> DeleteQuestionAsync(Guid diagnosticId, Guid questionId, CancellationToken ct = default)
    {
        if (await QuestionsLockedAsync(diagnosticId, ct) is { } locked) return locked;
        var questions = await db.DiagnosticQuestions.Where(q => q.DiagnosticId == diagnosticId).OrderBy(q => q.Number).ToListAsync(ct);
        var question = questions.FirstOrDefault(q => q.Id == questionId);
        if (question is null) return "Вопрос не найден.";
        db.DiagnosticQuestions.Remove(question);
        questions.Remove(question);
        Renumber(questions);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static void Renumber(List<DiagnosticQuestion> ordered)
    {
        for (var i = 0; i < ordered.Count; i++) ordered[i].Number = i + 1;
    }

    /// <summary>
    /// What stands in the way of publishing: an online test needs at least one question, and every question must be in an
    /// active area of the framework (an area switched off since would leave the profile with a level nobody reads).
    /// </summary>
    public async Task<List<string>> PublishProblemsAsync(Guid diagnosticId, CancellationToken ct = default)
    {
        var diagnostic = await db.Diagnostics.AsNoTracking().Where(d => d.Id == diagnosticId)
            .Select(d => new { d.Kind, Questions = d.Questions.Select(q => new { q.Number, AreaName = q.Area!.Name, q.Area.IsActive }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (diagnostic is null) return ["Диагностика не найдена."];
        var problems = new List<string>();
        if (diagnostic.Kind != DiagnosticKind.OnlineTest) return problems;
        if (diagnostic.Questions.Count == 0) problems.Add("В тесте нет ни одного вопроса: добавьте вопросы.");
        foreach (var area in diagnostic.Questions.Where(q => !q.IsActive).GroupBy(q => q.AreaName).OrderBy(g => g.Key))
        {
            var numbers = string.Join(", ", area.Select(q => q.Number).Order());
            problems.Add($"Компетенция «{area.Key}» отключена, а к ней относятся вопросы {numbers}: включите её или выберите для вопросов другую.");
        }
        return problems;
    }

    public async Task<List<string>> PublishAsync(Guid diagnosticId, bool publish, CancellationToken ct = default)
    {
        var problems = publish ? await PublishProblemsAsync(diagnosticId, ct) : [];
        if (problems.Count > 0) return problems;
        var changed = await db.Diagnostics.Where(d => d.Id == diagnosticId).ExecuteUpdateAsync(s => s.SetProperty(d => d.IsPublished, publish), ct);
        return changed == 0 ? ["Диагностика не найдена."] : problems;
    }

    /// <summary>A new unpublished diagnostic with the same header and questions: the way to change a test that has been taken.</summary>
    public async Task<Diagnostic?> CopyAsync(Guid diagnosticId, string userName, CancellationToken ct = default)
    {
        var source = await db.Diagnostics.AsNoTracking().Include(d => d.Questions).ThenInclude(q => q.Options).AsSplitQuery()
            .FirstOrDefaultAsync(d => d.Id == diagnosticId, ct);
        if (source is null) return null;
        var title = "Копия: " + source.Title;
        var copy = new Diagnostic
        {
            Title = title.Length > 300 ? title[..300] : title,
            Description = source.Description, Kind = source.Kind, TimeLimitMinutes = source.TimeLimitMinutes,
            NoDeficitFrom = source.NoDeficitFrom, PartialFrom = source.PartialFrom, CreatedBy = userName,
        };
        foreach (var q in source.Questions.OrderBy(q => q.Number))
        {
            var question = new DiagnosticQuestion { DiagnosticId = copy.Id, Number = q.Number, Text = q.Text, AreaId = q.AreaId, MultipleChoice = q.MultipleChoice };
            question.Options.AddRange(q.Options.OrderBy(o => o.Number)
                .Select(o => new DiagnosticOption { QuestionId = question.Id, Number = o.Number, Text = o.Text, IsCorrect = o.IsCorrect }));
            copy.Questions.Add(question);
        }
        db.Diagnostics.Add(copy);
        await db.SaveChangesAsync(ct);
        return copy;
    }
}
