<#
.SYNOPSIS
    Build the one-folder bundle dist\EcoCheck\ (and with -Installer the setup program) on Windows.

.DESCRIPTION
    One command from a fresh checkout:
      1. creates .venv from requirements\lock.txt (the one lock file) and installs the app into it,
      2. compiles the translations (translations\*.qm),
      3. runs PyInstaller on installer\ecocheck.spec -> dist\EcoCheck\ecocheck.exe, ecocheck-desktop.exe,
      4. with -Installer, runs Inno Setup on installer\ecocheck.iss -> dist\EcoCheck-Setup-<version>.exe.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installer\build.ps1 -Installer
#>
param(
    [switch]$Installer,
    # The interpreter that creates .venv (Python 3.11 or later, 64-bit).
    [string]$Python = "python"
)

Set-StrictMode -Version Latest
$ErrorActionPreference = "Stop"

$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root
$Venv = Join-Path $Root ".venv"
$Py = Join-Path $Venv "Scripts\python.exe"

function Invoke-Native {
    # PowerShell does not stop on a failing native program by itself.
    param([Parameter(Mandatory)][string]$Program, [string[]]$Arguments = @())
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$Program $($Arguments -join ' ')' failed with exit code $LASTEXITCODE"
    }
}

function Find-InnoSetupCompiler {
    $onPath = Get-Command "iscc.exe" -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    $candidates = @()
    foreach ($base in @(${env:ProgramFiles(x86)}, $env:ProgramFiles, (Join-Path $env:LOCALAPPDATA "Programs"))) {
        if ($base) {
            $candidates += Join-Path $base "Inno Setup 7\ISCC.exe"
            $candidates += Join-Path $base "Inno Setup 6\ISCC.exe"
        }
    }
    foreach ($candidate in $candidates) {
        if (Test-Path $candidate) { return $candidate }
    }
    throw "Inno Setup (ISCC.exe) not found: install Inno Setup 6.3 or later (choco install innosetup)"
}

Write-Host "== virtual environment (.venv from requirements\lock.txt)"
if (-not (Test-Path $Py)) {
    Invoke-Native $Python @("-m", "venv", $Venv)
}
Invoke-Native $Py @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade", "pip")
Invoke-Native $Py @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements\lock.txt")
Invoke-Native $Py @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "-e", ".")

Write-Host "== compile translations"
# scripts\translations.py finds pyside6-lrelease.exe on PATH (a POSIX venv has it beside python).
$env:PATH = "$(Join-Path $Venv 'Scripts');$env:PATH"
Invoke-Native $Py @("scripts\translations.py", "compile")

Write-Host "== pyinstaller (one folder: dist\EcoCheck)"
Invoke-Native $Py @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "installer\ecocheck.spec")
# Decimal MB, as bench/bundle.py and installer/build.sh count them; the limit is the issue's.
$MaxBundleMB = 250
$bytes = (Get-ChildItem "dist\EcoCheck" -Recurse -File | Measure-Object -Property Length -Sum).Sum
$megabytes = [math]::Round($bytes / 1e6, 1)
Write-Host "bundle: dist\EcoCheck ($megabytes MB)"
if ($megabytes -ge $MaxBundleMB) { throw "the bundle is $megabytes MB, over the $MaxBundleMB MB limit" }

if ($Installer) {
    $version = (& $Py -c "import ecocheck_desktop; print(ecocheck_desktop.__version__)").Trim()
    if ($LASTEXITCODE -ne 0 -or -not $version) { throw "could not read the package version" }
    $iscc = Find-InnoSetupCompiler
    Write-Host "== inno setup $version ($iscc)"
    Invoke-Native $iscc @("/Q", "/DAppVersion=$version", "installer\ecocheck.iss")
    Write-Host "installer: dist\EcoCheck-Setup-$version.exe"
}
