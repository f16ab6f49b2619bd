// Headless entry over the same services as the app: `npm run -s ledger -- <command> …`.
import { COMMANDS } from './cli/commands';
import { EXIT, parseCommandArgs, reportError } from './cli/command';

async function help(): Promise<string> {
  const cmds = await Promise.all(COMMANDS.map((c) => c.load()));
  const lines = cmds.map((c) => `  ${c.name.padEnd(18)} ${c.summary}\n  ${' '.repeat(18)} ${c.usage}`);
  return `党建台帐 命令行\n\n命令：\n${lines.join('\n')}\n\n退出码：0 正常，1 发现问题，2 用法或输入错误，3 密码或密钥错误（或无权限），4 台帐正在被另一个程序使用\n密码取自环境变量 LEDGER_PASSWORD；台帐有多位用户时，用 LEDGER_USER 指定用户名。\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(await help());
    return name ? EXIT.ok : EXIT.usage;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`未知命令：${name}\n\n${await help()}`);
    return EXIT.usage;
  }
  try {
    const cmd = await entry.load();
    const args = parseCommandArgs(cmd, rest);
    return await cmd.run(args);
  } catch (e) {
    return reportError(e);
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
