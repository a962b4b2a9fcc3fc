using Metodist.Web;

// With a command (migrate, seed, import…) the app runs it and exits; without one it serves the web.
return await MetodistApp.RunAsync(args);
