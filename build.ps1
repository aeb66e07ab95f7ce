#!/usr/bin/env pwsh
# reportc's build driver: dotnet tool restore && dotnet pwsh ./build.ps1 [target]
[CmdletBinding()]
param(
    [ValidateSet('build', 'test', 'pack', 'samples', 'all')]
    [string] $Target = 'build',
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$out = Join-Path $PSScriptRoot 'out'

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

function Test {
    Build
    Invoke-Step 'test' { dotnet test reportc.slnx -c $Configuration --no-build --nologo --logger 'console;verbosity=normal' }
}

function Pack {
    Build
    Invoke-Step 'pack' { dotnet pack src/Reportc.Cli/Reportc.Cli.csproj -c $Configuration --no-build --nologo -o (Join-Path $out 'packages') }
}

function Samples {
    Build
    $samples = Get-ChildItem (Join-Path $PSScriptRoot 'samples') -Filter *.yaml | ForEach-Object { $_.FullName }
    Invoke-Step 'samples' { dotnet run --project src/Reportc.Cli -c $Configuration --no-build -- build @samples -o (Join-Path $out 'samples') }
}

switch ($Target) {
    'build' { Build }
    'test' { Test }
    'pack' { Pack }
    'samples' { Samples }
    'all' { Test; Pack; Samples }
}
exit $LASTEXITCODE
