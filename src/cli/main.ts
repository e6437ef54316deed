// `sysdesign` command entry point.
process.stderr.write('sysdesign: not built yet\n');
process.exitCode = 2;
