using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Metodist.Tests.Infrastructure;

namespace Metodist.Tests.Imports;

public sealed record ImportErrorBody(int Row, string Column, string Message);

public sealed record ImportStatusBody(
    Guid Id, string Kind, string Status, bool DryRun, bool ValidOnly, int Total, int Processed, int Imported, int Created, int Updated,
    int BadRows, int ErrorCount, string? Message, List<ImportErrorBody> Errors);

public sealed record ImportCreatedBody(Guid Id);

/// <summary>Uploading files to the import API and waiting for the background worker to finish them.</summary>
public static class ImportTesting
{
    /// <summary>The app with the import worker polling often, so tests do not wait a second per job.</summary>
    public static Task<TestApp> StartAppAsync() =>
        TestApp.StartAsync(new Dictionary<string, string?> { ["Imports:PollIntervalMs"] = "100" });

    public static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string kind, byte[] content, string fileName, bool? validOnly = null, bool dryRun = false)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv");
        form.Add(file, "file", fileName);
        var query = new List<string>();
        if (validOnly is { } v) query.Add("validOnly=" + (v ? "true" : "false"));
        if (dryRun) query.Add("dryRun=true");
        var url = $"/api/imports/{kind}" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
        return await client.PostAsync(url, form);
    }

    /// <summary>Uploads a file, expects 202 with the job id, and waits for the job to end.</summary>
    public static async Task<ImportStatusBody> ImportAsync(HttpClient client, string kind, byte[] content, string fileName, bool? validOnly = null, bool dryRun = false)
    {
        var response = await PostFileAsync(client, kind, content, fileName, validOnly, dryRun);
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var created = await response.Content.ReadFromJsonAsync<ImportCreatedBody>();
        return await WaitAsync(client, created!.Id);
    }

    public static async Task<ImportStatusBody> WaitAsync(HttpClient client, Guid id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var status = await client.GetFromJsonAsync<ImportStatusBody>($"/api/imports/{id}");
            if (status!.Status is "succeeded" or "failed") return status;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Import {id} is still {status.Status} after the timeout.");
            await Task.Delay(100);
        }
    }
}
