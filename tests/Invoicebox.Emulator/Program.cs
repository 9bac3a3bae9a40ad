using Invoicebox.Emulator;

var app = EmulatorApp.Build(args);
app.Run();
