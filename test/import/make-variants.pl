#!/usr/bin/env perl
# make-variants.pl — writes test/import/variants/*.txt: the seed document
# (examples/rugao_2024_hrss.txt) as departments might send it.  Every variant
# holds the same facts as the seed, so each must import to the same rows
# (sql/import.sql and test/pgtap/import.sql compare them).
#
#   test/import/make-variants.pl            rewrite the variant files
#   test/import/make-variants.pl --check    exit 1 if a committed file is stale
#
# Perl only (no modules beyond core), so it runs wherever pg_prove does.
# The variants are committed; this script is the record of how they were
# made.  Changes are deterministic (no randomness), so re-running it gives
# byte-identical files.
use strict;
use warnings;
use utf8;
use File::Basename qw(dirname);

my $root = dirname(__FILE__) . '/../..';
my $seed = "$root/examples/rugao_2024_hrss.txt";
my $out  = "$root/test/import/variants";
my $check = @ARGV && $ARGV[0] eq '--check';

open my $fh, '<:encoding(UTF-8)', $seed or die "$seed: $!";
my $doc = do { local $/; <$fh> };
close $fh;

# ---------------------------------------------------------------- the seed

my @lines = split /\n/, $doc, -1;
my (@prefix, @forms);
for my $l (@lines) {
	if ($l =~ /绩效目标申报表/) { push @forms, [$l]; next }
	if (@forms) { push @{$forms[-1]}, $l } else { push @prefix, $l }
}
die "expected 6 forms, found " . scalar(@forms) . "\n" unless @forms == 6;

my @text_labels = qw(立项必要性 实施可行性 项目实施内容 实施内容 中长期目标 年度绩效目标 年度目标);
my %symbols = map { $_ => 1 } ('定性', '=', '≥', '≤', '>', '<');

sub cells { my @c = split /\t/, $_[0], -1; return @c }
sub trim { my $s = shift // ''; $s =~ s/^\s+|\s+$//g; return $s }
sub nonblank { return grep { trim($_) ne '' } @_ }

# Section of each line of a form: header, income, spend, text, ind_head, ind.
sub sections {
	my ($f) = @_;
	my @sec;
	my $s = 'header';
	for my $l (@$f) {
		my $first = trim((nonblank(cells($l)))[0] // '');
		(my $bare = $first) =~ s/\s//g;
		(my $flat = $l) =~ s/[ \t]//g;
		if ($flat =~ /一级指标/) { $s = 'ind_head' }
		elsif ($s eq 'ind_head') { $s = 'ind' }
		elsif ($bare =~ /^项目资金/) { $s = 'income' }
		elsif ($s eq 'income' && grep { trim($_) eq '支出' } cells($l)) { $s = 'spend' }
		elsif (($s eq 'spend' || $s eq 'text') && grep { index($bare, $_) == 0 } @text_labels) {
			$s = 'text';
		}
		push @sec, $s;
	}
	return @sec;
}

# The indicator rows of a form, levels carried forward as the reader does.
sub indicator_rows {
	my ($f) = @_;
	my @sec = sections($f);
	my (@rows, @carry);
	for my $i (0 .. $#$f) {
		next unless $sec[$i] eq 'ind';
		my @c = map { trim($_) } nonblank(cells($f->[$i]));
		next unless @c;
		my ($k) = grep { $symbols{$c[$_]} } 1 .. $#c;
		die "no symbol in row '$f->[$i]'\n" unless defined $k;
		my @names = @c[0 .. $k - 1];
		my @vals = @c[$k + 1 .. $#c];
		my @lv = @names == 3 ? @names
		  : @names == 2 ? ($carry[0], @names)
		  : ($carry[0], $carry[1], @names);
		@carry = @lv[0, 1];
		push @rows, { line => $i, l => \@lv, sym => $c[$k], vals => \@vals };
	}
	return @rows;
}

# ---------------------------------------------------------------- changes

# Labels written with full-width punctuation (and the one full-width header
# written half-width): the reader folds them before matching.
sub fullwidth {
	my ($f) = @_;
	for (@$f) {
		s/填报单位\(盖章\):/填报单位（盖章）：/;
		s/^实施单位:/实施单位：/;
		s/^项目资金\(万元\)/项目资金（万元）/;
		s/半年\(程\)计划执行数/半年（程）计划执行数/;
		s/全年\(程\)预算数/全年（程）预算数/g;
		s/^\((\d+ ?年度)\)$/（$1）/;
		s/项目负责人\/联系电话/项目负责人／联系电话/;
		s/半年（程）指 标值/半年(程)指 标值/;
	}
	return $f;
}

# Stray spaces inside labels and values (between CJK characters, where a PDF
# line break leaves them) and around every cell.
sub spaces {
	my ($f) = @_;
	my %label = (
		'项目名称' => '项目 名称', '主管部门' => '主管 部门', '项目属性' => '项目 属性',
		'项目级次' => '项 目级次', '项目类别' => '项目类 别', '开始时间' => '开始 时间',
		'完成时间' => '完成 时 间', '立项必要性' => '立项 必要性', '实施可行性' => '实施可 行性',
		'项目实施内容' => '项目实施 内容', '中长期目标' => '中长期 目标',
		'一般公共预算资金' => '一般公共 预算资金', '政府性基金预算' => '政府性 基金预算',
		'资金总额' => '资金 总额', '资金分配' => '资金 分配', '一级指标' => '一级 指标',
		'三级指标' => '三 级指标', '社保基金预算' => '社保基金 预算',
	);
	my @sec = sections($f);
	for my $i (0 .. $#$f) {
		local $_ = $f->[$i];
		for my $k (keys %label) { s/(^|\t)\Q$k\E/$1$label{$k}/g }
		s/^年度目标/年度 目标/;
		s/如皋市社会保险基金管理中心/如皋市社会保险 基金管理中心/g;
		s/如皋市人力资源和社会保障局/如皋市人力资源 和社会保障局/;
		s/立项依据充分性/立项依据 充分性/;
		s/社会效益指标/社会效益 指标/;
		s/服务对象满意度/服务对象 满意度/;
		s/确保社保业务的正常开展。/确保社保业务的 正常开展。/;
		# pad every cell of the money and indicator rows with spaces
		s/\t/ \t  /g if $sec[$i] =~ /^(income|spend|ind)$/;
		$f->[$i] = $_;
	}
	return $f;
}

# Rewrite the indicator table: mode 'filled' writes all three levels on every
# row, 'level3' starts each row at its first new level (no blank cells),
# 'shifted' keeps blank cells for carried levels but with extra, missing and
# trailing blank cells, 'split' breaks level names with spaces.
sub indicators {
	my ($f, $mode) = @_;
	my @rows = indicator_rows($f);
	my @prev = ('', '');
	my $n = 0;
	for my $r (@rows) {
		my ($l1, $l2, $l3) = @{$r->{l}};
		my @v = @{$r->{vals}};
		my $line;
		if ($mode eq 'filled') {
			$line = join "\t", '', $l1, $l2, $l3, $r->{sym}, @v;
		} elsif ($mode eq 'level3') {
			my @names = $l1 ne $prev[0] ? ($l1, $l2, $l3)
			  : $l2 ne $prev[1] ? ($l2, $l3) : ($l3);
			$line = join "\t", @names, $r->{sym}, @v;
		} elsif ($mode eq 'shifted') {
			my @names = ($l1 ne $prev[0] ? $l1 : '', $l2 ne $prev[1] || $l1 ne $prev[0] ? $l2 : '', $l3);
			my $lead = ("\t") x ($n % 3);
			$line = $lead . join("\t" x (1 + $n % 2), @names) . "\t" . $r->{sym}
			  . "\t" x (1 + ($n + 1) % 3) . join("\t", @v) . "\t" x ($n % 4);
		} elsif ($mode eq 'split') {
			my @names = ($l1 ne $prev[0] ? $l1 : '', $l2 ne $prev[1] || $l1 ne $prev[0] ? $l2 : '', $l3);
			s/^(\S\S)(\S)/$1 $2/ for @names;
			$line = join "\t", '', @names, $r->{sym}, '', @v;
		} else { die $mode }
		@prev = ($l1, $l2);
		$f->[$r->{line}] = $line;
		$n++;
	}
	return $f;
}

# Income and expenditure rows re-indented (labels are found whatever their
# column), and lines of tabs only inserted between sections.
sub reindent {
	my ($f) = @_;
	my @sec = sections($f);
	my @o;
	my $n = 0;
	for my $i (0 .. $#$f) {
		local $_ = $f->[$i];
		if ($sec[$i] eq 'income' && !/^项目资金/ || $sec[$i] eq 'spend' && !/立项/) {
			s/^\t+//;
			$_ = ("\t" x ($n++ % 4)) . $_;
		}
		push @o, $_;
		push @o, "\t\t\t" if $i > 0 && $sec[$i] ne $sec[$i - 1] && $sec[$i] ne 'ind';
	}
	return \@o;
}

# Text fields broken over two or three lines (at a boundary between two CJK
# characters, so the pieces join without a space), one field with its value
# alone on the next line.
sub multiline {
	my ($f) = @_;
	my @sec = sections($f);
	my @o;
	my $k = 0;
	for my $i (0 .. $#$f) {
		my $l = $f->[$i];
		if ($sec[$i] ne 'text') { push @o, $l; next }
		my @c = cells($l);
		my $label = trim($c[0]);
		(my $bare = $label) =~ s/\s//g;
		my ($vi) = grep { trim($c[$_]) ne '' } 1 .. $#c;
		unless (grep { index($bare, $_) == 0 } @text_labels and defined $vi) {
			push @o, $l; next;
		}
		my $v = trim($c[$vi]);
		my @cuts = grep { defined } map { cut_at($v, int(length($v) * $_)) }
		  ($k % 2 ? (0.3, 0.7) : (0.5));
		my @pieces;
		my $from = 0;
		for my $c (@cuts, length $v) { push @pieces, substr($v, $from, $c - $from); $from = $c }
		if ($k % 3 == 2) {
			push @o, $label;    # value starts on the next line
		} else {
			push @o, $label . "\t" . shift @pieces;
		}
		my $m = 0;
		push @o, (($m++ % 2) ? "\t" : '') . $_ . "\t\t" for @pieces;
		$k++;
	}
	return \@o;
}

# A cut point at or after $at between two non-ASCII, non-space characters,
# where the next piece does not start with a text label.
sub cut_at {
	my ($v, $at) = @_;
	for my $p ($at .. length($v) - 2) {
		next if $p < 1;
		my ($a, $b) = (substr($v, $p - 1, 1), substr($v, $p, 1));
		next unless ord($a) > 0x7F && ord($b) > 0x7F && $a !~ /\s/ && $b !~ /\s/;
		my $rest = substr($v, $p);
		next if grep { index($rest, $_) == 0 } @text_labels;
		return $p;
	}
	return undef;
}

# 项目属性 / 项目级次 / 项目类别 written with another checkbox style.
my %options = (
	'项目属性' => [qw(常年安排 分年安排 一次性安排)],
	'项目级次' => [qw(市本级)],
	'项目类别' => [qw(其他运转类 特定目标类 转移支付)],
);
my %styles = (
	# mark before the option, each option in its own cell
	before => sub { $_[1] ? qq(<input checked="" type="checkbox"/> $_[0]) : $_[0] },
	# empty boxes after the options not ticked
	unticked => sub {
		$_[1] ? qq($_[0] <input checked="" type="checkbox"/>) : qq($_[0] <input type="checkbox"/>);
	},
	# ballot boxes after the options
	ballot_after => sub { $_[1] ? "$_[0] ☑" : "$_[0] □" },
	# ballot boxes before the options, no space
	ballot_before => sub { $_[1] ? "☑$_[0]" : "□$_[0]" },
	# the checked attribute after type, as other converters write it
	attr_order => sub {
		$_[1] ? qq($_[0] <input type="checkbox" checked="checked"/>) : qq($_[0] <input type="checkbox"/>);
	},
);

sub checkbox {
	my ($f, $style) = @_;
	my $st = $styles{$style} or die $style;
	for (@$f) {
		next unless /^项目(属性|类别)\t/;
		my $which = $1;
		my %ticked = map { $_ => 1 } /(\S+?)\s*<input checked=""[^>]*>/g;
		my @c;
		for my $lab ($which eq '属性' ? qw(项目属性 项目级次) : qw(项目类别)) {
			push @c, $lab, map { $st->($_, $ticked{$_}) } @{$options{$lab}};
		}
		$_ = join("\t", @c) . "\t";
	}
	return $f;
}

# The indicator table rewritten in the four-column layout
# 一级指标 | 二级指标 | 三级指标 | 指标值: the comparator goes into the value
# ('≥95%'), a 定性 row keeps its value alone, the half-year value is dropped
# (the layout has none).  Not the same forms as the seed: the tests compare
# levels and annual targets row by row.
sub four_columns {
	my ($f) = @_;
	my @rows = indicator_rows($f);
	my @prev = ('', '');
	my @sec = sections($f);
	my ($head) = grep { $sec[$_] eq 'ind_head' } 0 .. $#$f;
	$f->[$head] = join "\t", '绩效指标', '一级指标', '二级指标', '三级指标', '指标值';
	for my $r (@rows) {
		my ($l1, $l2, $l3) = @{$r->{l}};
		my $v = $r->{vals}[-1];
		$v = $r->{sym} . $v unless $r->{sym} eq '定性';
		my @names = ($l1 ne $prev[0] ? $l1 : '', $l2 ne $prev[1] || $l1 ne $prev[0] ? $l2 : '', $l3);
		$f->[$r->{line}] = join "\t", '', @names, $v;
		@prev = ($l1, $l2);
	}
	return $f;
}

# ---------------------------------------------------------------- output

sub copy_forms { return map { [@{$forms[$_ - 1]}] } @_ }

sub assemble {
	my (@fs) = @_;
	return join "\n", @prefix, map { @$_ } @fs;
}

sub crlf { my $s = shift; $s =~ s/\n/\r\n/g; return $s }
sub bom { return "\x{FEFF}" . shift }

my %variant;
my @all = (1 .. 6);
$variant{crlf} = crlf(assemble(copy_forms(@all)));
$variant{bom} = bom(assemble(copy_forms(@all)));
$variant{bom_crlf} = bom(crlf(assemble(copy_forms(@all))));
$variant{fullwidth_labels} = assemble(map { fullwidth($_) } copy_forms(@all));
$variant{spaces} = assemble(map { spaces($_) } copy_forms(@all));
$variant{levels_filled} = assemble(map { indicators($_, 'filled') } copy_forms(@all));
$variant{levels_from_level3} = assemble(map { indicators($_, 'level3') } copy_forms(@all));
$variant{levels_shifted} = assemble(map { reindent(indicators($_, 'shifted')) } copy_forms(@all));
$variant{levels_split} = assemble(map { indicators($_, 'split') } copy_forms(@all));
$variant{text_multiline} = assemble(map { multiline($_) } copy_forms(@all));
for my $s (sort keys %styles) {
	$variant{"checkbox_$s"} = assemble(map { checkbox($_, $s) } copy_forms(1, 5, 6));
}
$variant{reordered} = assemble(copy_forms(6, 3, 1, 5, 2, 4));
$variant{"single_$_"} = assemble(copy_forms($_)) for @all;
$variant{combo_all} = bom(crlf(assemble(
	map { multiline(reindent(indicators(spaces(fullwidth(checkbox($_, 'before'))), 'level3'))) }
	copy_forms(4, 2, 6, 1, 3, 5))));
{
	# LF and CRLF mixed, filled levels, empty boxes, forms 2 and 5 only
	my $s = assemble(map { multiline(indicators(checkbox($_, 'unticked'), 'filled')) } copy_forms(5, 2));
	my $i = 0;
	$s =~ s/\n/($i++ % 2) ? "\r\n" : "\n"/ge;
	$variant{combo_mixed_eol} = $s;
}

$variant{layout_four_columns} = assemble(map { four_columns($_) } copy_forms(@all));
# The examples of the other layouts (examples/layouts/), copied so that the
# form fuzzer starts from them too.
for my $path (sort glob "$root/examples/layouts/*.txt") {
	(my $name = $path) =~ s{.*/|\.txt$}{}g;
	open my $h, '<:encoding(UTF-8)', $path or die "$path: $!";
	$variant{"layout_$name"} = do { local $/; <$h> };
	close $h;
}

mkdir $out unless -d $out;
my $stale = 0;
for my $name (sort keys %variant) {
	my $path = "$out/$name.txt";
	my $bytes = $variant{$name};
	utf8::encode($bytes);
	if ($check) {
		my $old = -e $path ? do { local $/; open my $h, '<:raw', $path or die; <$h> } : '';
		if ($old ne $bytes) { print STDERR "stale: $path\n"; $stale = 1 }
		next;
	}
	open my $o, '>:raw', $path or die "$path: $!";
	print $o $bytes;
	close $o;
}
printf "%d variants in %s\n", scalar(keys %variant), $out unless $check;
exit $stale;
