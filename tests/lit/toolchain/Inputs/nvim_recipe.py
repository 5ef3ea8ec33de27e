"""nvim_recipe.py INSTALL_MD AUTORC_CLANGD INCLUDE_DIR WORKDIR: run the Neovim
recipe of docs/install.md (Editors) as written, in a headless Neovim: the
lua block after "**Neovim**" becomes ftplugin/c.lua of a fresh config, with
/opt/autorc/bin/autorc-clangd replaced by AUTORC_CLANGD. Two C files of one
project (compile_flags.txt names INCLUDE_DIR), each with a reference cycle,
are opened one after the other; for each, prints whether autorc's warning
arrived and how many language-server clients Neovim has."""
import os
import re
import subprocess
import sys

install_md, clangd, include, work = sys.argv[1:5]
text = open(install_md).read()
block = re.search(r'\*\*Neovim\*\*.*?```lua\n(.*?)```', text, re.S).group(1)
recipe = '\n'.join(line.strip() and line[2:] if line.startswith('  ') else line
                   for line in block.splitlines())
recipe = recipe.replace('/opt/autorc/bin/autorc-clangd', clangd)

cfg = os.path.join(work, 'config', 'nvim', 'ftplugin')
os.makedirs(cfg, exist_ok=True)
open(os.path.join(cfg, 'c.lua'), 'w').write(recipe + '\n')
project = os.path.join(work, 'project')
os.makedirs(project, exist_ok=True)
open(os.path.join(project, 'compile_flags.txt'), 'w').write('-I%s\n' % include)
for name in ('a.c', 'b.c'):
    open(os.path.join(project, name), 'w').write(
        '#include <autorc.h>\n'
        'struct RC_MANAGED dnode_%s { struct dnode_%s *next; struct dnode_%s *prev; };\n'
        % ((name[0],) * 3))
check = os.path.join(work, 'check.lua')
open(check, 'w').write('''
local function autorc_warned()
  for _, d in ipairs(vim.diagnostic.get(0)) do if d.source == 'autorc' then return true end end
  return false
end
local function report(name)
  local ok = vim.wait(30000, autorc_warned, 100)
  print(string.format('%s: autorc warning %s, clients %d', name, tostring(ok), #vim.lsp.get_active_clients()))
end
report('a.c')
vim.cmd('edit b.c')
report('b.c')
vim.cmd('qa!')
''')
env = dict(os.environ)
for var in ('CONFIG', 'DATA', 'STATE', 'CACHE'):
    env['XDG_%s_HOME' % var] = os.path.join(work, var.lower())
env['XDG_CONFIG_HOME'] = os.path.join(work, 'config')
r = subprocess.run(['nvim', '--headless', '-i', 'NONE', 'a.c', '-S', check], cwd=project, env=env,
                   capture_output=True, text=True, timeout=120)
# Neovim's headless print() goes to stderr, one message per line.
sys.stdout.write(r.stderr.replace('\r', ''))
