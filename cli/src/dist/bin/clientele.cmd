@echo off
rem clientele: runs the Clientele command line (lib\clientele.jar beside this bin\ folder).
rem Needs Java 17 or newer: JAVA_HOME if set, else the java on the PATH. Extra JVM options: CLIENTELE_OPTS.
setlocal
set "HOME_DIR=%~dp0.."
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java"
if defined JAVA_HOME if not exist "%JAVA_EXE%.exe" goto nojava
if not defined JAVA_HOME where java >nul 2>nul || goto nojava
"%JAVA_EXE%" %CLIENTELE_OPTS% -jar "%HOME_DIR%\lib\clientele.jar" %*
exit /b %ERRORLEVEL%

:nojava
echo clientele: no Java found (JAVA_HOME="%JAVA_HOME%", or java on the PATH). Install Java 17 or newer (a JDK or JRE), or set JAVA_HOME. 1>&2
exit /b 127
