using Invoicebox.Emulator;

var app = EmulatorApp.Build(args);
app.Run();

// Public so a WebApplicationFactory<Program> can host the emulator too.
public partial class Program;
